import { afterEach, describe, expect, it } from 'vitest';
import { appDatabaseUrl } from './env';

const saved = process.env.DATABASE_URL;
afterEach(() => {
  process.env.DATABASE_URL = saved;
});

describe('database env', () => {
  it('stops with one line naming a missing variable', () => {
    delete process.env.DATABASE_URL;
    expect(() => appDatabaseUrl()).toThrow('Environment variable DATABASE_URL is not set (see .env.example).');
  });

  it('rejects a URL of the wrong kind', () => {
    process.env.DATABASE_URL = 'mysql://x';
    expect(() => appDatabaseUrl()).toThrow(/DATABASE_URL must be a postgresql:\/\/ URL/);
  });
});
