import { z } from 'zod';

const ZDatabaseUrl = z
  .string({ error: 'is not set' })
  .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL');

export function readEnvVar<T>(name: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(process.env[name]);
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? 'is invalid';
    throw new Error(`Environment variable ${name} ${reason} (see .env.example).`);
  }
  return parsed.data;
}

/** The application role's connection: no superuser, no BYPASSRLS, owns no table. */
export function appDatabaseUrl(): string {
  return readEnvVar('DATABASE_URL', ZDatabaseUrl);
}

/** The owner role's connection: migrations, seeding and explicit system jobs only. */
export function ownerDatabaseUrl(): string {
  return readEnvVar('DATABASE_OWNER_URL', ZDatabaseUrl);
}
