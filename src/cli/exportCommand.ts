/** `claimgraph export`: the whole graph (ndjson, PROV-O), or one claim's ClaimReview. */
import fs from 'node:fs';
import type { Database } from '../db/database.js';
import { createEntityLoader } from '../services/entities/entities.js';
import { loadAllEntities, toIngestDocuments, toProvDocument } from '../services/admin/export.js';
import { claimReview } from '../services/provenance/claimReview.js';

export type ExportFormat = 'ndjson' | 'prov-jsonld' | 'claimreview';

export interface ExportOptions {
  format: ExportFormat;
  out?: string;
  /** For claimreview: the claim reviewed. */
  claimId?: string;
  /** Where node IRIs live (CLAIMGRAPH_BASE_IRI). */
  baseIri: string;
}

async function render(db: Database, o: ExportOptions): Promise<{ text: string; what: string }> {
  const loader = createEntityLoader(db);
  if (o.format === 'claimreview') {
    const review = await claimReview(db, loader, o.claimId!, o.baseIri);
    return { text: `${JSON.stringify(review, null, 2)}\n`, what: `the ClaimReview of ${o.claimId}` };
  }
  const rows = await loadAllEntities(db, loader);
  const text =
    o.format === 'ndjson'
      ? toIngestDocuments(rows)
          .map((d) => JSON.stringify(d))
          .join('\n') + '\n'
      : `${JSON.stringify(toProvDocument(rows, o.baseIri), null, 2)}\n`;
  return { text, what: `${rows.length} nodes` };
}

export async function exportCommand(db: Database, o: ExportOptions): Promise<number> {
  const { text, what } = await render(db, o);
  if (o.out) {
    fs.writeFileSync(o.out, text);
    console.error(`Exported ${what} to ${o.out}`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}
