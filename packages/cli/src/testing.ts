import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './load-env';

const run = promisify(execFile);
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const main = path.join(repoRoot, 'packages', 'cli', 'src', 'main.ts');

export interface TCliRun {
  code: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the commands' JSON shapes freely
  json: Record<string, any>;
}

/**
 * For contract tests: runs `vouch …` as operators do, in a separate process, and returns its
 * exit code and the JSON it printed on stdout (on success and on failure alike).
 */
export async function runVouch(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<TCliRun> {
  const child = run(tsx, [main, ...args], { env: options.env ?? process.env, cwd: repoRoot, timeout: options.timeoutMs ?? 60_000 });
  child.child.stdin?.end(options.stdin);
  try {
    const { stdout } = await child;
    return { code: 0, json: JSON.parse(stdout) };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, json: JSON.parse(failed.stdout) };
  }
}
