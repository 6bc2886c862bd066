/** `claimgraph export`: the whole graph (ndjson, PROV-O), streamed to a file or stdout, or one claim's ClaimReview. */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Queries } from '../db/queries.js';
import { createEntityLoader } from '../services/entities/entities.js';
import { exportIngestDocuments, exportProv, type Sink } from '../services/admin/export.js';
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

/** Writes to a stream, waiting for it to drain when its buffer is full (memory stays flat). */
function sinkOf(stream: Writable): Sink {
  return async (chunk) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
}

async function render(db: Queries, o: ExportOptions, write: Sink): Promise<string> {
  const loader = createEntityLoader(db);
  if (o.format === 'claimreview') {
    await write(`${JSON.stringify(await claimReview(db, loader, o.claimId!, o.baseIri), null, 2)}\n`);
    return `the ClaimReview of ${o.claimId}`;
  }
  if (o.format === 'ndjson') {
    const { documents, claims } = await exportIngestDocuments(db, loader, write);
    return `${documents} documents (${claims} claim statements)`;
  }
  return `${(await exportProv(db, loader, o.baseIri, write)).nodes} nodes`;
}

export async function exportCommand(db: Queries, o: ExportOptions): Promise<number> {
  if (!o.out) {
    await render(db, o, sinkOf(process.stdout));
    return 0;
  }
  // A failed export leaves no half-written file under the name asked for.
  const partial = `${o.out}.partial`;
  const file = fs.createWriteStream(partial);
  try {
    const what = await render(db, o, sinkOf(file));
    file.end();
    await once(file, 'finish');
    fs.renameSync(partial, o.out);
    console.error(`Exported ${what} to ${o.out}`);
    return 0;
  } catch (err) {
    file.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
}
