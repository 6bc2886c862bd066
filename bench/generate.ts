/**
 * Writes the generator's documents as .ndjson, for `claimgraph import` or other tools:
 *   npx tsx bench/generate.ts out.ndjson [claims]
 */
import { writeGeneratedNdjson } from './generator.js';

const [file, claims] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/generate.ts <out.ndjson> [claims=100000]');
  process.exit(2);
}
const docs = await writeGeneratedNdjson(file, { claims: Number(claims ?? 100_000) });
console.log(`${docs} documents written to ${file}`);
