/**
 * A rejected document's whole story in one round: the problems validation found without the
 * graph, and the references the graph does not satisfy. Only on the rejection path, so a valid
 * document's references are still checked once, inside its write transaction.
 */
import type { Database } from '../../db/database.js';
import type { ClientError } from '../../errors.js';
import type { CheckedDocument } from './validateDocument.js';
import { missingReferences } from './writePlan.js';

export async function rejectionWithReferences(db: Database, checked: CheckedDocument): Promise<ClientError> {
  if (checked.externalRefs.length) {
    const [missing] = await missingReferences((ids) => db.read<{ id: string; kind: string }>('ingest/existingIds', { p: { ids } }), [checked]);
    for (const p of missing.list) checked.problems.add(p.path, p.message);
  }
  return checked.problems.toError();
}
