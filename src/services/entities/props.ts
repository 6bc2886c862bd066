/** Typed reads of a row's properties, shared by resolvers and services. */
import type { EntityRow } from '../../db/rows.js';

type PropsOf = Pick<EntityRow, 'props'>;

export const str = (row: PropsOf, key: string): string | null => (row.props[key] == null ? null : String(row.props[key]));
export const num = (row: PropsOf, key: string): number | null => (row.props[key] == null ? null : Number(row.props[key]));
export const list = (row: PropsOf, key: string): string[] => (Array.isArray(row.props[key]) ? (row.props[key] as unknown[]).map(String) : []);

/** A map without its absent entries (null, undefined, empty lists): what a document or JSON-LD omits. */
export const defined = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));

/** A stored day as precisely as it was stated: 2025-01-01 with YEAR is `2025`, with MONTH `2025-01`. */
export function statedDate(date: unknown, precision: unknown): string | undefined {
  if (date == null) return undefined;
  const d = String(date).slice(0, 10);
  return precision === 'YEAR' ? d.slice(0, 4) : precision === 'MONTH' ? d.slice(0, 7) : d;
}
