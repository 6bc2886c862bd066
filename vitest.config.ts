import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// One embedded Neo4j serves every test file (started in globalSetup), so files run one after
// another: they share the database and each resets the graph it needs.
export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so Apollo Server and
    // `npm start`, loads the CommonJS one; Vite would give our sources the ESM one, and graphql
    // refuses to mix types from two copies. Tests load what production loads.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ['default'],
  },
});
