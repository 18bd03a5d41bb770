import { defineConfig } from 'vitest/config';

const ignored = ['**/node_modules/**', '**/.next/**', '**/e2e/**', '**/dist/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tooling/**/*.test.ts'],
          exclude: [...ignored, '**/*.int.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.int.test.ts', 'apps/*/src/**/*.int.test.ts'],
          exclude: ignored,
          environment: 'node',
          globalSetup: ['tooling/vitest/integration-setup.ts'],
          setupFiles: ['tooling/vitest/load-env.ts'],
          // One database shared by all files: run files one after another on 2 cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
