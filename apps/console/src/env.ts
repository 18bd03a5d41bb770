import 'server-only';
import { z } from 'zod';

const ZConsoleEnv = z.object({
  DATABASE_URL: z.string({ error: 'is not set' }).regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  REDIS_URL: z.string({ error: 'is not set' }).regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  NEXTAUTH_URL: z.url({ error: 'must be the console URL, e.g. http://localhost:3000' }),
  NEXTAUTH_SECRET: z.string({ error: 'is not set' }).min(32, 'must be at least 32 characters (scripts/start.sh generates one)'),
  CHAT_PUBLIC_URL: z.url({ error: 'must be the chat URL, e.g. http://localhost:3001' }),
  // Seals TOTP secrets; checked here so a wrong key stops start-up instead of the first enrolment.
  VOUCH_ENCRYPTION_KEY: z
    .string({ error: 'is not set' })
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 random bytes in base64 (scripts/start.sh generates one)'),
});

export type TConsoleEnv = z.infer<typeof ZConsoleEnv>;

let cached: TConsoleEnv | undefined;

/**
 * The console's environment, validated on first use (not at import, so `next build` needs no
 * secrets). A missing or wrong variable fails with one line naming it.
 */
export function env(): TConsoleEnv {
  if (cached) return cached;
  const parsed = ZConsoleEnv.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'unknown';
    const message = `Environment variable ${name} ${issue?.message ?? 'is invalid'} (see .env.example).`;
    console.error(`[console] ${message}`);
    throw new Error(message);
  }
  cached = parsed.data;
  return cached;
}
