/** How the import commands report rejected documents: every problem, each with its JSON path. */
import type { Rejection } from '../services/ingest/bulkImport.js';

/** Problems printed at most unless `--max-problems` says otherwise. */
export const DEFAULT_MAX_PROBLEMS = 100;

/**
 * Prints each rejected document (file and line) with all its problems, `path: message`, up to
 * `maxProblems` problems in all; says how many more there are and how to see them.
 */
export function printRejections(rejected: Rejection[], what: string, maxProblems = DEFAULT_MAX_PROBLEMS, name = 'claimgraph'): void {
  if (!rejected.length) return;
  console.error(`${rejected.length} document(s) rejected, nothing of them ${what}:`);
  let printed = 0;
  let left = 0;
  for (const r of rejected) {
    if (printed >= maxProblems) {
      left += Math.max(1, r.problems.length);
      continue;
    }
    // A document that is not JSON at all has no problem list: its one line says why.
    if (!r.problems.length) {
      console.error(`  ${r.ref}: ${r.message}`);
      printed += 1;
      continue;
    }
    console.error(`  ${r.ref}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`);
    for (const p of r.problems) {
      if (printed >= maxProblems) {
        left += 1;
        continue;
      }
      console.error(`    ${p.path}: ${p.message}`);
      printed += 1;
    }
  }
  if (left) console.error(`  … and ${left} more problem${left === 1 ? '' : 's'} (\`${name} import --max-problems ${printed + left} …\` prints them all)`);
}
