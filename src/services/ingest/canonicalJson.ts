/**
 * JSON with sorted keys, so the same document hashes the same whatever its key order
 * (documentHash). Stored ingestions carry hashes of this text, so it must never change: every
 * key and value is written as JSON.stringify writes it. Documents are JSON (parsed, or the
 * GraphQL JSON scalar): no functions, symbols or toJSON to think of.
 */

/**
 * Where JSON.stringify may escape a string: quote, backslash, control characters, and any
 * surrogate (lone ones are escaped; a pair merely takes JSON.stringify's path too).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string as JSON. Most keys and values need no escaping, and wrapping them in quotes here saves
 * a call into JSON.stringify for each: that call was most of an offline import's hashing time.
 */
function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

export function canonicalJson(value: unknown): string {
  // Loops and concatenation rather than entries/sort/map/join: an offline import hashes every
  // document, and this was a fifth of its checking time.
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return JSON.stringify(value) ?? 'null';
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${jsonString(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}
