/** `claimgraph export --format ndjson|prov-jsonld [--out file]`: the whole graph. */
import fs from 'node:fs';
import type { Database } from '../db/database.js';
import { createEntityLoader } from '../services/entities.js';
import { loadAllEntities, toIngestDocuments, toProvDocument } from '../services/export.js';

export async function exportCommand(db: Database, format: string, out?: string): Promise<number> {
  if (format !== 'ndjson' && format !== 'prov-jsonld') {
    console.error('usage: claimgraph export --format ndjson|prov-jsonld [--out file]');
    return 2;
  }
  const rows = await loadAllEntities(db, createEntityLoader(db));
  const text = format === 'ndjson' ? toIngestDocuments(rows).map((d) => JSON.stringify(d)).join('\n') + '\n' : `${JSON.stringify(toProvDocument(rows), null, 2)}\n`;
  if (out) {
    fs.writeFileSync(out, text);
    console.error(`Exported ${rows.length} nodes to ${out}`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}
