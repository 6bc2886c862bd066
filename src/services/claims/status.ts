/** A claim's status as readers see it: stored ACTIVE but replaced by a newer claim (an incoming SUPERSEDES) reads as SUPERSEDED. */
import type { ClaimRow } from '../../db/rows.js';
import { edgeIds } from '../entities/entities.js';
import { str } from '../entities/props.js';

export function effectiveStatus(c: ClaimRow): string {
  const stored = str(c, 'status') ?? 'ACTIVE';
  return stored === 'ACTIVE' && edgeIds(c, 'SUPERSEDES', 'in').length > 0 ? 'SUPERSEDED' : stored;
}
