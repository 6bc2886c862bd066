/**
 * Turns what neo4j-driver returns (Integers, temporals, nodes, paths) into plain JSON values at
 * the database boundary, so nothing above src/db/ ever sees a driver type.
 */
import neo4j from 'neo4j-driver';

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/**
 * Plain maps and lists (most of every record: the queries send temporals as millis and strings)
 * are converted in place rather than copied: the driver made them for this record alone, and a
 * copy of every row is garbage to collect.
 */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'number' || type === 'string' || type === 'boolean') return value as Plain;
  if (type === 'bigint') return Number(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value as Plain[];
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const obj = value as Record<string, unknown>;
    for (const k in obj) obj[k] = toPlain(obj[k]);
    return obj as { [key: string]: Plain };
  }
  if (neo4j.isInt(value)) {
    const i = value as unknown as { inSafeRange(): boolean; toNumber(): number; toString(): string };
    return i.inSafeRange() ? i.toNumber() : i.toString();
  }
  if (neo4j.isDate(value as never) || neo4j.isLocalDateTime(value as never) || neo4j.isLocalTime(value as never) || neo4j.isTime(value as never) || neo4j.isDuration(value as never)) {
    return String(value);
  }
  if (neo4j.isDateTime(value as never)) {
    return (value as unknown as { toStandardDate(): Date }).toStandardDate().toISOString();
  }
  if (neo4j.isPoint(value as never)) {
    const p = value as unknown as { x: number; y: number; z?: number; srid: unknown };
    return { x: p.x, y: p.y, z: p.z ?? null, srid: toPlain(p.srid) };
  }
  if (neo4j.isNode(value as never)) {
    const n = value as unknown as { labels: string[]; properties: Record<string, unknown> };
    return { labels: n.labels, ...toPlainObject(n.properties) };
  }
  if (neo4j.isRelationship(value as never)) {
    const r = value as unknown as { type: string; properties: Record<string, unknown> };
    return { type: r.type, ...toPlainObject(r.properties) };
  }
  if (value instanceof Object) return toPlainObject(value as Record<string, unknown>);
  return String(value);
}

export function toPlainObject(obj: Record<string, unknown>): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const [k, v] of Object.entries(obj)) out[k] = toPlain(v);
  return out;
}
