import { createHash } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { appDatabaseUrl, readEnvVar } from './env';
import type { WithTenantOptions } from './with-tenant';

/**
 * A thin tenant transaction straight on the pg driver, for hot paths whose statements are all raw
 * SQL already (the widget's answer path). Same role as withTenant (DATABASE_URL: the application
 * role, never the owner), same settings per transaction (app.tenant_id and app.user_id with
 * set_config(..., true)), so RLS is the enforcement exactly as there. What it saves is Prisma's
 * per-statement and per-transaction overhead in the Node process (`bench:db`).
 *
 * Values are always bound parameters ($1, $2, …): `query` is a tagged template whose
 * interpolations become parameters, never text. Results are pg's: timestamptz as Date, jsonb
 * parsed, int8 and numeric as strings (Prisma would give bigint and Decimal).
 */
export interface TenantSql {
  /** Tells it apart from a Prisma transaction client where either is accepted. */
  readonly kind: 'tenant-sql';
  query<R = Record<string, unknown>>(strings: TemplateStringsArray, ...values: unknown[]): Promise<R[]>;
  /**
   * A statement built elsewhere with its parameters apart, e.g. a `Prisma.sql` template (whose
   * nested fragments are flattened into `$n` parameters; never `Prisma.raw` of a value).
   */
  run<R = Record<string, unknown>>(statement: { readonly text: string; readonly values: readonly unknown[] }): Promise<R[]>;
}

/**
 * This process's connection budget (docs/performance.md): Prisma's pool and this one share 10
 * connections (client.ts), this one gets TENANT_SQL_POOL_MAX of them. The answer path's intake
 * (which holds the conversation lock) and its plain replies run here; widget.start, handoffs and
 * everything else on Prisma: 5/5 gave the burst's best tail (2/8 and 7/3 queued one side).
 */
export const TENANT_SQL_POOL_MAX = 5;

const ZUuid = z.uuid();
const ZStatementTimeoutMs = z.number().int().nonnegative().max(2_147_483_647);
const globalForPool = globalThis as unknown as { vouchTenantSqlPool?: pg.Pool };

function pool(): pg.Pool {
  if (!globalForPool.vouchTenantSqlPool) {
    // allowExitOnIdle: idle connections do not keep a CLI command or a script alive once its work is done.
    const created = new pg.Pool({ connectionString: appDatabaseUrl(), max: TENANT_SQL_POOL_MAX, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, allowExitOnIdle: true });
    // An idle connection that breaks (database restart) must not crash the process; the pool drops it.
    created.on('error', (error) => console.warn('[db] idle tenant-sql connection failed', error.message));
    globalForPool.vouchTenantSqlPool = created;
  }
  return globalForPool.vouchTenantSqlPool;
}

/**
 * Statements run as named prepared statements: Postgres parses and plans a statement's text once
 * per connection instead of on every call, which was most of the database CPU of the answer path's
 * large CTE statements (docs/performance.md). Names come from a digest of the text, so the same text
 * always gets the same name and a name never stands for two texts. The texts are the code's
 * templates, a bounded set; past PREPARED_TEXTS_MAX distinct texts (say, a template that builds
 * its text from data) later texts run unnamed, so no connection accumulates unbounded plans.
 */
const PREPARED_TEXTS_MAX = 256;
const preparedNames = new Map<string, string>();

const ZPreparedStatementsSetting = z.enum(['on', 'off'], { error: 'must be on or off' }).default('on');
let preparedSetting: { value: string | undefined; enabled: boolean } | undefined;

/** DATABASE_PREPARED_STATEMENTS=off for a pooler that cannot keep them (PgBouncer in transaction mode before 1.21). */
function preparedStatementsEnabled(): boolean {
  const value = process.env.DATABASE_PREPARED_STATEMENTS;
  if (preparedSetting === undefined || preparedSetting.value !== value) preparedSetting = { value, enabled: readEnvVar('DATABASE_PREPARED_STATEMENTS', ZPreparedStatementsSetting) === 'on' };
  return preparedSetting.enabled;
}

export function preparedStatementName(text: string): string | undefined {
  if (!preparedStatementsEnabled()) return undefined;
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < PREPARED_TEXTS_MAX) {
    name = `vouch_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    preparedNames.set(text, name);
  }
  return name;
}

/**
 * BEGIN and the transaction's settings in one round trip (a simple-protocol query with two
 * statements, so no bound parameters). Safe to write the values into the text only because each
 * is validated to a form with no quote or backslash: a UUID (or empty) and a non-negative integer.
 */
export function beginWithSettings(tenantId: string, userId: string, timeoutMs: number): string {
  const tenant = ZUuid.parse(tenantId);
  const user = userId === '' ? '' : ZUuid.parse(userId);
  const timeout = ZStatementTimeoutMs.parse(timeoutMs);
  return `BEGIN; SELECT set_config('app.tenant_id', '${tenant}', true), set_config('app.user_id', '${user}', true), set_config('statement_timeout', '${timeout}', true)`;
}

/** The text and parameters of a tagged template: each interpolation becomes $n, in order. */
export function toParameterized(strings: TemplateStringsArray, values: readonly unknown[]): { text: string; values: unknown[] } {
  let text = strings[0] ?? '';
  for (let i = 1; i < strings.length; i++) text += `$${i}${strings[i]}`;
  return { text, values: [...values] };
}

/**
 * Runs fn in one transaction of the application role with app.tenant_id (and app.user_id, empty
 * unless given) set for that transaction only, like withTenant; commits when fn resolves, rolls
 * back when it throws. `timeoutMs` bounds each statement (statement_timeout, local to the
 * transaction); waiting for a connection is bounded at 10 s, as withTenant's maxWait.
 */
export async function withTenantSql<T>(tenantId: string, fn: (sql: TenantSql) => Promise<T>, options: WithTenantOptions = {}): Promise<T> {
  const begin = beginWithSettings(tenantId, options.userId ?? '', options.timeoutMs ?? 30_000);
  const client = await pool().connect();
  let open = true;
  let broken: Error | undefined;
  const sql: TenantSql = {
    kind: 'tenant-sql',
    async query<R>(strings: TemplateStringsArray, ...values: unknown[]): Promise<R[]> {
      return sql.run<R>(toParameterized(strings, values));
    },
    async run<R>(statement: { readonly text: string; readonly values: readonly unknown[] }): Promise<R[]> {
      if (!open) throw new Error('This tenant transaction has ended.');
      const values = [...statement.values];
      const name = preparedStatementName(statement.text);
      return (await client.query(name === undefined ? { text: statement.text, values } : { name, text: statement.text, values })).rows as R[];
    },
  };
  try {
    await client.query(begin);
    const result = await fn(sql);
    open = false;
    await client.query('COMMIT');
    return result;
  } catch (error) {
    open = false;
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // A connection that cannot roll back is not given to the next caller.
      broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed');
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Closes the pool (tests, graceful shutdown). */
export async function disconnectTenantSql(): Promise<void> {
  const current = globalForPool.vouchTenantSqlPool;
  globalForPool.vouchTenantSqlPool = undefined;
  await current?.end();
}
