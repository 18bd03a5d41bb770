import 'server-only';
import { z } from 'zod';

const ZChatEnv = z.object({
  DATABASE_URL: z.string({ error: 'is not set' }).regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  REDIS_URL: z.string({ error: 'is not set' }).regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  CHAT_PUBLIC_URL: z.url({ error: 'must be the chat URL, e.g. http://localhost:3001' }),
  /** Tenant whose production widget key the demo host page (/) embeds; unset: no demo widget. */
  CHAT_DEMO_TENANT: z.string().regex(/^[a-z0-9-]{2,63}$/, 'must be a tenant slug, e.g. acme').optional(),
});

export type TChatEnv = z.infer<typeof ZChatEnv>;

let cached: TChatEnv | undefined;

/**
 * The chat app's environment, validated on first use (not at import, so `next build` needs no
 * secrets). A missing or wrong variable fails with one line naming it.
 */
export function env(): TChatEnv {
  if (cached) return cached;
  const parsed = ZChatEnv.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'unknown';
    const message = `Environment variable ${name} ${issue?.message ?? 'is invalid'} (see .env.example).`;
    console.error(`[chat] ${message}`);
    throw new Error(message);
  }
  cached = parsed.data;
  return cached;
}
