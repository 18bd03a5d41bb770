import { afterAll } from 'vitest';
import { loadTestEnv } from './test-env';

loadTestEnv();

// A transaction is one pg connection; two queries in flight on it at once (Promise.all over one
// `tx`) is deprecated in pg 8 and an error in pg 9. pg says so once per process, as a warning
// that nothing else would notice, so an integration file that provokes it fails here.
const overlappingQueries: string[] = [];
process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && /already executing a query/.test(warning.message)) {
    overlappingQueries.push(warning.stack ?? warning.message);
  }
});
afterAll(() => {
  if (overlappingQueries.length) {
    throw new Error(`queries overlapped on one pg connection (run them one after another):\n${overlappingQueries.join('\n')}`);
  }
});
