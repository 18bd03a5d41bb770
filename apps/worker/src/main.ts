import { createServer } from 'node:http';
import { loadWorkerEnv } from './env';
import { startWorkers } from './start-workers';
import { scheduleRetentionSweep, scheduleSiemSweep } from './processors/compliance';

async function main(): Promise<void> {
  const { concurrency, lockDurationMs } = loadWorkerEnv();
  const workers = startWorkers({ concurrency, lockDurationMs });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  await Promise.all([scheduleRetentionSweep(), scheduleSiemSweep()]);
  console.log(`[worker] ready: queues ${workers.map((w) => w.name).join(', ')} (concurrency ${concurrency})`);
  // An optional liveness endpoint for orchestrators and the end-to-end tests.
  const healthPort = process.env.WORKER_HEALTH_PORT ? Number(process.env.WORKER_HEALTH_PORT) : null;
  if (healthPort) {
    createServer((_req, res) => {
      const running = workers.every((w) => w.isRunning());
      res.writeHead(running ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ service: 'worker', ok: running, queues: workers.map((w) => w.name) }));
    }).listen(healthPort, '127.0.0.1');
  }
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
