import { defineConfig } from 'vitest/config';

// One embedded Neo4j serves every test file (started in globalSetup), so files run one after
// another: they share the database and each resets the graph it needs.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ['default'],
  },
});
