/**
 * The dry run behind `Query.validate`: everything `ingest` would refuse a document for — its
 * shape, its semantics, references the graph does not hold, units that do not fit a stored
 * measure, PART_OF cycles with stored edges, CONFLICTs with what another source stated — all of
 * it at once, by JSON path, and nothing written. It runs the same checks as the write
 * (checkDocument, then judgeWrites) with plain reads, so a document it passes is one ingest
 * takes unless the graph changes in between.
 */
import type { Queries } from '../../db/queries.js';
import { documentHash, newIngestionId } from './ingest.js';
import { rejectionWithReferences } from './rejection.js';
import { checkDocument } from './validateDocument.js';
import { judgeWrites, type Actor, type WriteProblem } from './writePlan.js';

export interface DryRunOutcome {
  valid: boolean;
  problems: WriteProblem[];
  sourceId: string | null;
  claimCount: number;
  /** Claims the graph does not hold yet. */
  newClaims: number;
  /** Claims or entities the graph holds that the document would change (each kept as a revision). */
  revisions: number;
}

export async function dryRun(db: Queries, document: unknown, actor: Actor): Promise<DryRunOutcome> {
  const checked = checkDocument(document);
  const claimCount = Array.isArray((document as { claims?: unknown })?.claims) ? (document as { claims: unknown[] }).claims.length : 0;
  if (!checked.doc) {
    // The same story a rejection tells: the document's own problems and its missing references.
    const error = await rejectionWithReferences(db, checked);
    const problems = (error.extensions.problems as { path: string; message: string }[]).map((p) => ({ ...p, code: 'BAD_USER_INPUT' as const }));
    return { valid: false, problems, sourceId: null, claimCount, newClaims: 0, revisions: 0 };
  }
  const doc = checked.doc;
  const judged = await judgeWrites((name, params) => db.read(name, params), [{ doc, ingestionId: newIngestionId(new Date().toISOString()), documentHash: documentHash(document) }], actor);
  return {
    valid: judged.problems.length === 0,
    problems: judged.problems,
    sourceId: doc.sourceId,
    claimCount: doc.claims.length,
    newClaims: doc.claims.filter((c) => !judged.state.has(c.id)).length,
    revisions: judged.verdicts[0]!.revisions.length,
  };
}
