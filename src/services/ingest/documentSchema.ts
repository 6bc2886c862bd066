/**
 * The ingest document's shape, checked against schema/ingest.schema.json (JSON Schema 2020-12)
 * through Ajv: types, required and unknown fields, enums, id forms, lengths and counts. Ajv's
 * errors become problems with the JSON paths the rest of validation uses (`claims[3].period.start`)
 * and messages a person reads. What a schema cannot say — dates that do not exist, a period ending
 * before it starts, duplicate ids, references — is validateDocument's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { describe } from './fields.js';
import type { Problems } from './problems.js';
import type { DefinedLabel } from '../../model/derived.js';
import { ENTITY_MODEL, type PropType } from '../../model/entityModel.js';

export const INGEST_SCHEMA_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema/ingest.schema.json');

const schema = JSON.parse(fs.readFileSync(INGEST_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
// allErrors: every problem in one round; verbose: errors carry the value and schema a message needs.
const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
const validate = ajv.compile(schema);

/** `/claims/3/period/start` → `claims[3].period.start`. */
export function jsonPath(pointer: string, extra?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

const TYPE_NAMES: Record<string, string> = { string: 'a string', number: 'a number', integer: 'a whole number', object: 'an object', array: 'an array', boolean: 'true or false', null: 'null' };

/** One Ajv error as a problem: where, and what is wrong in words; null for errors another states better. */
function toProblem(e: ErrorObject): { path: string; message: string } | null {
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  const here = jsonPath(e.instancePath) || '$';
  switch (e.keyword) {
    case 'required':
      return { path: jsonPath(e.instancePath, (e.params as { missingProperty: string }).missingProperty), message: 'is required' };
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((parent.properties as Record<string, unknown>) ?? {});
      return { path: jsonPath(e.instancePath, key), message: `unknown field "${key}" (allowed: ${allowed.join(', ')})` };
    }
    case 'type': {
      const wanted = ([] as string[]).concat((e.params as { type: string | string[] }).type).filter((t) => t !== 'null');
      // The null branch of an optional field's anyOf: the other branch's error says it.
      if (!wanted.length) return null;
      return { path: here, message: `must be ${wanted.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}, got ${describe(e.data)}` };
    }
    case 'enum': {
      const values = (e.params as { allowedValues: unknown[] }).allowedValues;
      return { path: here, message: `${describe(e.data)} is not a ${String(parent.title ?? 'valid value')}; expected one of ${values.join(', ')}` };
    }
    case 'pattern':
      if (parent.pattern === '\\S') return { path: here, message: 'must not be empty' };
      return { path: here, message: `${describe(e.data)} is not ${String(parent.description ?? 'well-formed')}` };
    case 'minLength':
      return { path: here, message: 'must not be empty' };
    case 'maxLength':
      return { path: here, message: `is ${String(e.data).length} characters long; at most ${(e.params as { limit: number }).limit} are allowed` };
    case 'maxItems':
      return { path: here, message: `has ${(e.data as unknown[]).length} entries; at most ${(e.params as { limit: number }).limit} are allowed` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = e.params as { comparison: string; limit: number };
      const words: Record<string, string> = { '>=': 'at least', '<=': 'at most', '>': 'greater than', '<': 'less than' };
      return { path: here, message: `must be ${words[comparison] ?? comparison} ${limit}, got ${String(e.data)}` };
    }
    case 'anyOf':
      // An optional field's "this or null": its first branch's errors say what is wrong.
      return null;
    default:
      return { path: here, message: e.message ?? `fails ${e.keyword}` };
  }
}

/**
 * Adds every shape problem of `raw` to `problems`; returns the paths it reported, so the checks
 * that read the document after it do not report the same places again.
 */
export function checkShape(raw: unknown, problems: Problems): Set<string> {
  const reported = new Set<string>();
  if (validate(raw)) return reported;
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const p = toProblem(e);
    if (!p) continue;
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reported.add(p.path);
    problems.add(p.path, p.message);
  }
  return reported;
}

/**
 * The entity properties a document states as they are stored: the model's string and number
 * properties of a kind that the ingest JSON Schema also lists for it, under the same name (a
 * source's title, a region's areaKm2). Ingest reads them and export writes them without a line of
 * their own, so a plain property added to the model and the schema travels both ways.
 */
export function plainDocumentFields(label: DefinedLabel): readonly PlainField[] {
  return PLAIN_FIELDS[label];
}

type PlainField = { name: string; type: 'string' | 'number' };

/** Computed once: ingest and export ask per entity. */
const PLAIN_FIELDS = Object.fromEntries(
  (Object.keys(ENTITY_MODEL) as (keyof typeof ENTITY_MODEL)[]).map((label) => {
    const listed = ((schema.$defs as Record<string, { properties?: Record<string, unknown> }>)[label]?.properties ?? {}) as Record<string, unknown>;
    const fields = Object.entries(ENTITY_MODEL[label].props as Record<string, PropType>).flatMap(([name, type]) =>
      (type === 'string' || type === 'number') && name in listed ? [{ name, type } as PlainField] : [],
    );
    return [label, fields];
  }),
) as Record<string, readonly PlainField[]>;
