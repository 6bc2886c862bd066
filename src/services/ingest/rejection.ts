/**
 * A rejected document's whole story in one round: the problems validation found without the
 * graph, the references the graph does not satisfy, and units that do not fit a stored measure. Only on the rejection path, so a valid
 * document's references are still checked once, inside its write transaction.
 */
import type { Queries } from '../../db/queries.js';
import type { ClientError } from '../../errors.js';
import type { CheckedDocument } from './validateDocument.js';
import { storedUnitProblems } from './unitFit.js';
import { missingReferences } from './writePlan.js';

export async function rejectionWithReferences(db: Queries, checked: CheckedDocument): Promise<ClientError> {
  if (checked.externalRefs.length) {
    let stored: { id: string; kind: string; unit: string | null }[] = [];
    const [missing] = await missingReferences(async (ids) => (stored = await db.read<{ id: string; kind: string; unit: string | null }>('ingest/existingIds', { p: { ids } })), [checked]);
    for (const p of missing.list) checked.problems.add(p.path, p.message);
    const units = new Map(stored.map((r) => [r.id, r.unit]));
    storedUnitProblems(checked.unitRefs, (id) => units.get(id), checked.problems);
  }
  return checked.problems.toError();
}
