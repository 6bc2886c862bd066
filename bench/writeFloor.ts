/**
 * The write floor: how fast the database alone stores claims of the generated shape, with nothing
 * of the import around it — no reading, validation or reference lookups, every entity and source
 * already in place, rows normalized beforehand. Each batch of 5,000 claims is one transaction of
 * `ingest/createClaims` (the query the import uses for new claims) plus its commit. Two series of
 * CLAIMS (default 100,000) run one after the other: the first on a freshly started JVM, the
 * second warm. No import can beat these figures on the same machine. Not a test: it prints numbers.
 */
import { benchDatabase } from './benchDatabase.js';
import { generateDocuments } from './generator.js';
import { validateDocument } from '../src/services/ingest/validateDocument.js';
import { writeDocuments } from '../src/services/ingest/writePlan.js';
import { LOCAL_ACTOR, newIngestionId } from '../src/services/ingest/ingest.js';
import type { NormalizedDocument } from '../src/services/ingest/normalized.js';

const claims = Number(process.env.CLAIMS ?? 100_000);
const batchClaims = 5_000;

/** A series' documents, normalized, with its claims set apart from everything else. */
function series(name: string): { context: NormalizedDocument[]; claims: NormalizedDocument['claims'] } {
  const docs = [...generateDocuments({ claims, series: name })].map((d) => validateDocument(d));
  return { context: docs.map((d) => ({ ...d, claims: [] })), claims: docs.flatMap((d) => d.claims) };
}

const db = await benchDatabase();
try {
  for (const [i, name] of ['gen', 'gen2'].entries()) {
    const { context, claims: rows } = series(name);
    // Entities and sources first, untimed, in batches as the import writes them.
    for (let d = 0; d < context.length; d += 50) {
      const writes = context.slice(d, d + 50).map((doc) => ({ doc, ingestionId: newIngestionId(new Date().toISOString()), documentHash: '' }));
      await db.db.writeTransaction('floor-context', (tx) => writeDocuments(tx, writes, new Date().toISOString(), LOCAL_ACTOR));
    }
    const started = process.hrtime.bigint();
    for (let c = 0; c < rows.length; c += batchClaims) {
      const batch = rows.slice(c, c + batchClaims);
      await db.db.writeTransaction('floor-claims', (tx) => tx.run('ingest/createClaims', { p: { rows: batch, now: new Date().toISOString() } }));
    }
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    const jvm = i === 0 ? 'fresh JVM' : 'warm JVM';
    console.log(`${name} (${jvm}): ${rows.length} claims created in ${secs.toFixed(1)} s, claims/s: ${Math.round(rows.length / secs)}`);
  }
} finally {
  await db.cleanup();
}
