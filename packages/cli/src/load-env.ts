import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config } from 'dotenv';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Values already in the environment win over the repo's .env file. */
export function loadRootEnv(): void {
  config({ path: path.join(repoRoot, '.env'), quiet: true });
}
