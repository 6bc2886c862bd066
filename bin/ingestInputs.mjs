#!/usr/bin/env node
// The ingest format has one source, schema/ingest.schema.json (JSON Schema 2020-12: what `ingest`
// checks documents against); this writes the GraphQL input types that carry a document,
// schema/ingestInputs.graphql, from it: every object schema with a title becomes an input of that
// name, its properties its fields (required ones non-null, arrays lists, id patterns ID, dates and
// strings String, numbers Float, integers Int, enum definitions the schema's enum of that name).
// `--check` fails when the file on disk is not what this would write (CI runs it, like codegen).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'schema/ingest.schema.json');
const target = path.join(root, 'schema/ingestInputs.graphql');
const schema = JSON.parse(fs.readFileSync(source, 'utf8'));

const refName = (ref) => ref.split('/').pop();
/** The schema of a property without its "or null" (optional fields accept null as absent). */
function nonNull(s) {
  if (s.anyOf) return nonNull(s.anyOf.find((x) => x.type !== 'null'));
  return Array.isArray(s.type) ? { ...s, type: s.type.find((t) => t !== 'null') } : s;
}
/** A GraphQL string literal of a description (block strings for several lines). */
const describe = (text, indent) => (text.includes('\n') ? `${indent}"""\n${text.replace(/^/gm, indent)}\n${indent}"""` : `${indent}${JSON.stringify(text)}`);

const inputs = new Map();
/** The GraphQL type of a property's schema; object schemas are collected as inputs on the way. */
function typeOf(s) {
  const p = nonNull(s);
  if (p.$ref) {
    const def = schema.$defs[refName(p.$ref)];
    if (def.enum) return refName(p.$ref);
    if (def.type === 'object') return collect(def);
    return typeOf(def);
  }
  if (p.type === 'array') return `[${typeOf(p.items)}!]`;
  if (p.type === 'object') return collect(p);
  if (p.type === 'string') return p.pattern && /^\^(\(\?:[a-z|]+\)|[a-z]+):/.test(p.pattern) ? 'ID' : 'String';
  if (p.type === 'number') return 'Float';
  if (p.type === 'integer') return 'Int';
  if (p.type === 'boolean') return 'Boolean';
  throw new Error(`ingest.schema.json: no GraphQL type for ${JSON.stringify(p).slice(0, 120)}`);
}
/** A property's description: its own, else the one of the definition it refers to. */
function descriptionOf(s) {
  const p = nonNull(s);
  return s.description ?? p.description ?? (p.$ref ? schema.$defs[refName(p.$ref)].description : undefined);
}
function collect(o) {
  if (!o.title) throw new Error('ingest.schema.json: an object schema without a title has no input name');
  if (inputs.has(o.title)) return o.title;
  inputs.set(o.title, null);
  const fields = Object.entries(o.properties).map(([name, s]) => {
    const type = `${typeOf(s)}${(o.required ?? []).includes(name) ? '!' : ''}`;
    const text = descriptionOf(s);
    return `${text ? `${describe(text, '  ')}\n` : ''}  ${name}: ${type}`;
  });
  inputs.set(o.title, `${describe(o.description, '')}\ninput ${o.title} {\n${fields.join('\n')}\n}\n`);
  return o.title;
}

collect(schema);
const text = `# Generated from schema/ingest.schema.json by bin/ingestInputs.mjs (npm run codegen). Do not edit.\n\n${[...inputs.values()].join('\n')}`;
if (process.argv.includes('--check')) {
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) {
    console.error('schema/ingestInputs.graphql is not what schema/ingest.schema.json generates: run npm run codegen');
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, text);
}
