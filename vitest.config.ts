import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Dates resolve the same way on every machine.
    env: { TZ: 'UTC' },
    // Each run keeps its temporary folders in one of its own, removed when it ends.
    globalSetup: ['tests/helpers/temp-root.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Site builds and the browser share two cores: files run one at a time.
    fileParallelism: false,
  },
});
