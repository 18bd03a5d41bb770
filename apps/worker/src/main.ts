import { loadWorkerEnv } from './env';
import { startWorkers } from './start-workers';

async function main(): Promise<void> {
  const { concurrency, lockDurationMs } = loadWorkerEnv();
  const workers = startWorkers({ concurrency, lockDurationMs });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  console.log(`[worker] ready: queues ${workers.map((w) => w.name).join(', ')} (concurrency ${concurrency})`);
  const shutdown = async (signal: string) => {
    console.log(`[worker] ${signal}: finishing active jobs, then exiting`);
    // close() waits for active jobs; unfinished ones are picked up again by the next worker.
    await Promise.all(workers.map((w) => w.close()));
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`[worker] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
