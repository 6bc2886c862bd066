/**
 * Loads the named Cypher queries from cypher/<domain>/<name>.cypher and checks them against the
 * registry: a file without an entry or an entry without a file stops the process at start,
 * not at the first request that needs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUERY_MODES, type QueryName } from './queryRegistry.js';

export const CYPHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher');
/** Migrations are applied in order at start, not run by name. */
export const SCHEMA_DIR = path.join(CYPHER_DIR, 'schema');

export interface NamedQuery {
  name: QueryName;
  mode: 'READ' | 'WRITE';
  text: string;
  file: string;
}

function listCypherFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listCypherFiles(p));
    else if (e.name.endsWith('.cypher')) out.push(p);
  }
  return out.sort();
}

const MAX_INCLUDE_DEPTH = 4;
const INCLUDE = /^[ \t]*\/\/ @include ([a-zA-Z][a-zA-Z0-9]*)[ \t]*$/gm;

/**
 * Replaces each `// @include name` line with cypher/include/name.cypherpart (without its header
 * comment): a fixed piece of Cypher shared by several named queries, such as the claim filter or
 * the entity row, kept in one place. Fragments come from files, never from callers.
 */
function expandIncludes(text: string, file: string, dir: string, problems: string[], depth = 0): string {
  return text.replace(INCLUDE, (_, name: string) => {
    const part = path.join(dir, 'include', `${name}.cypherpart`);
    if (!fs.existsSync(part)) {
      problems.push(`${path.relative(dir, file)} includes "${name}" but cypher/include/${name}.cypherpart does not exist`);
      return '';
    }
    // A fragment may include others (a page's tail includes the entity row), a few levels deep.
    if (depth >= MAX_INCLUDE_DEPTH) {
      problems.push(`${path.relative(dir, file)}: includes nest deeper than ${MAX_INCLUDE_DEPTH} levels (a cycle?) at "${name}"`);
      return '';
    }
    return expandIncludes(
      fs
        .readFileSync(part, 'utf8')
        .replace(/^\/\/.*\n/, '')
        .trimEnd(),
      part,
      dir,
      problems,
      depth + 1,
    );
  });
}

/**
 * The text sent to Neo4j: without comment lines, indentation or blank lines. Every request sends
 * its query's whole text (Bolt has no prepared statements), which the driver encodes and Neo4j
 * hashes to find its cached plan; the files' comments are for readers, and a page query with its
 * fragments is a third smaller without them. A short header stays, naming the query in Neo4j's
 * query log and in `SHOW TRANSACTIONS`. (No query has a string literal spanning lines.)
 */
export function compactCypher(name: string, text: string): string {
  const body = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('//'));
  return [`// ${name}`, ...body].join('\n');
}

/** Every .cypher file outside cypher/schema/, keyed by "<domain>/<name>". */
export function loadNamedQueries(dir = CYPHER_DIR): Map<QueryName, NamedQuery> {
  const files = listCypherFiles(dir).filter((f) => !f.startsWith(SCHEMA_DIR + path.sep));
  const byName = new Map<string, string>();
  for (const f of files)
    byName.set(
      path
        .relative(dir, f)
        .replace(/\\/g, '/')
        .replace(/\.cypher$/, ''),
      f,
    );

  const problems: string[] = [];
  for (const name of byName.keys()) {
    if (!(name in QUERY_MODES)) problems.push(`cypher/${name}.cypher has no entry in src/db/queryRegistry.ts`);
  }
  for (const name of Object.keys(QUERY_MODES)) {
    if (!byName.has(name)) problems.push(`src/db/queryRegistry.ts names "${name}" but cypher/${name}.cypher does not exist`);
  }
  const queries = new Map<QueryName, NamedQuery>();
  for (const [name, file] of byName) {
    const text = expandIncludes(fs.readFileSync(file, 'utf8'), file, dir, problems);
    if (!/^\/\/ \S/.test(text)) problems.push(`cypher/${name}.cypher must start with a one-line "// ..." header comment`);
    if (name in QUERY_MODES) {
      queries.set(name as QueryName, { name: name as QueryName, mode: QUERY_MODES[name as QueryName], text: compactCypher(name, text), file });
    }
  }
  if (problems.length) throw new Error(`Named Cypher queries are inconsistent:\n- ${problems.join('\n- ')}`);
  return queries;
}

/** The migration statements in file order; statements are separated by ";" at a line end. */
export function loadMigrations(dir = SCHEMA_DIR): { file: string; statements: string[] }[] {
  return listCypherFiles(dir).map((file) => ({
    file: path.relative(CYPHER_DIR, file),
    statements: fs
      .readFileSync(file, 'utf8')
      .split(/;\s*$/m)
      .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
      .filter(Boolean),
  }));
}
