/**
 * Writes the generator's documents as .ndjson, for `claimgraph import` or other tools:
 *   npx tsx bench/generate.ts out.ndjson [claims]
 */
import fs from 'node:fs';
import { generateDocuments } from './generator.js';

const [file, claims] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/generate.ts <out.ndjson> [claims=100000]');
  process.exit(2);
}
const out = fs.createWriteStream(file);
let docs = 0;
for (const doc of generateDocuments({ claims: Number(claims ?? 100_000) })) {
  out.write(`${JSON.stringify(doc)}\n`);
  docs += 1;
}
out.end(() => console.log(`${docs} documents written to ${file}`));
