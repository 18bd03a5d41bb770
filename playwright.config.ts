import { defineConfig, devices } from '@playwright/test';

const consolePort = Number(process.env.CONSOLE_PORT ?? 3000);
const chatPort = Number(process.env.CHAT_PORT ?? 3001);
const workerHealthPort = Number(process.env.WORKER_HEALTH_PORT ?? 3002);

/**
 * End-to-end tests against the BUILT apps (run `pnpm build` first) in Debian's Chromium; no
 * browser download. Specs save screenshots of key screens to docs/screenshots/.
 */
export default defineConfig({
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'console', testDir: 'apps/console/e2e', use: { baseURL: `http://localhost:${consolePort}` } },
    { name: 'chat', testDir: 'apps/chat/e2e', use: { baseURL: `http://localhost:${chatPort}` } },
  ],
  webServer: [
    {
      command: 'pnpm --filter @vouch/console start',
      url: `http://localhost:${consolePort}/api/health`,
      env: { CONSOLE_PORT: String(consolePort) },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'pnpm --filter @vouch/chat start',
      url: `http://localhost:${chatPort}/api/health`,
      env: { CHAT_PORT: String(chatPort) },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Ingestion and other jobs run in the real worker during end-to-end tests.
      command: 'pnpm --filter @vouch/worker start',
      url: `http://127.0.0.1:${workerHealthPort}/`,
      env: { WORKER_HEALTH_PORT: String(workerHealthPort) },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
