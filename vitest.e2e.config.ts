import { defineConfig } from 'vitest/config';

// End-to-end tests: a real SMART launch in headless Debian Chromium against the local EHR
// and the app's dev server, both started once by the global setup on free ports.
// Run: npx vitest run -c vitest.e2e.config.ts   (one file: add its path)
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
