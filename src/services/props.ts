/** Typed reads of a row's properties, shared by resolvers and services. */
import type { EntityRow } from '../db/rows.js';

type PropsOf = Pick<EntityRow, 'props'>;

export const str = (row: PropsOf, key: string): string | null => (row.props[key] == null ? null : String(row.props[key]));
export const num = (row: PropsOf, key: string): number | null => (row.props[key] == null ? null : Number(row.props[key]));
export const list = (row: PropsOf, key: string): string[] => (Array.isArray(row.props[key]) ? (row.props[key] as unknown[]).map(String) : []);
