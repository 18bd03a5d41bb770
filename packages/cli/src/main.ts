#!/usr/bin/env -S npx tsx
import { Command, CommanderError } from 'commander';
import { loadRootEnv } from './load-env';
import { printJson } from './output';

loadRootEnv();

const program = new Command()
  .name('vouch')
  .description('Vouch operator commands. Results are printed as JSON.')
  .exitOverride();

program
  .command('migrate')
  .description('Apply SQL migrations in prisma/migrations as the owner role')
  .action(async () => (await import('./commands/migrate')).migrateCommand());

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    printJson({ ok: false, error: message });
    process.exitCode = 1;
  } finally {
    const { disconnectSystemClient } = await import('@vouch/db/system');
    const { disconnectAppClient } = await import('@vouch/db');
    await Promise.allSettled([disconnectSystemClient(), disconnectAppClient()]);
  }
}

void main();
