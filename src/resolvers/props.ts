/** Typed reads of a row's properties, shared by the field resolvers of every domain. */
import type { EntityRow } from '../db/rows.js';

export const str = (row: EntityRow, key: string): string | null => (row.props[key] == null ? null : String(row.props[key]));
export const num = (row: EntityRow, key: string): number | null => (row.props[key] == null ? null : Number(row.props[key]));
export const list = (row: EntityRow, key: string): string[] => (Array.isArray(row.props[key]) ? (row.props[key] as unknown[]).map(String) : []);
