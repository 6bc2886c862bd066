/** `claimgraph import <file...>`: bulk ingest with a progress bar and a summary. */
import type { Database } from '../db/database.js';
import { bulkImport } from '../services/ingest/bulkImport.js';
import { Progress } from './progress.js';
import { printRejections } from './rejections.js';
import { countDocuments, readDocuments } from './readDocuments.js';

export async function importCommand(db: Database, files: string[], batchClaims?: number, maxProblems?: number, name?: string): Promise<number> {
  const total = await countDocuments(files);
  const progress = new Progress(total, 'docs');
  const stats = await bulkImport(db, readDocuments(files), {
    batchClaims,
    onProgress: (s) => progress.update(s.documents, `${Math.round(s.claims / Math.max(progress.elapsedSeconds, 0.001)).toLocaleString('en')} claims/s`),
  });
  progress.done();
  const secs = progress.elapsedSeconds;
  console.log(
    `Imported ${stats.accepted.toLocaleString('en')} of ${stats.documents.toLocaleString('en')} documents ` +
      `(${stats.claims.toLocaleString('en')} claims) in ${secs.toFixed(1)} s: ` +
      `${Math.round(stats.documents / secs).toLocaleString('en')} documents/s, ${Math.round(stats.claims / secs).toLocaleString('en')} claims/s.`,
  );
  if (stats.rejected.length) {
    printRejections(stats.rejected, 'written', maxProblems, name);
    return 1;
  }
  return 0;
}
