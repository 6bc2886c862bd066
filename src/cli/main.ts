/** The `claimgraph` command: src/cli/program.ts declares its commands and exit codes. */
import { runCli } from './program.js';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`claimgraph: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
