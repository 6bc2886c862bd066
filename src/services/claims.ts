/**
 * Claim lists: ClaimFilter semantics (subregions, subsidiaries, period relations, asOf) are
 * applied in claims/claimsPage.cypher; this turns GraphQL arguments into its parameters.
 */
import type { Database } from '../db/database.js';
import type { ClaimRow } from '../db/rows.js';
import { badUserInput } from '../errors.js';
import type { EntityLoader } from './entities.js';
import { checkFirst, decodeCursor, toConnection, type Connection, type PageArgs } from './pagination.js';

export interface ClaimFilterInput {
  text?: string | null;
  measureIds?: readonly string[] | null;
  attributedTo?: readonly string[] | null;
  includeSubsidiaries?: boolean | null;
  sourceIds?: readonly string[] | null;
  regionIds?: readonly string[] | null;
  includeSubregions?: boolean | null;
  period?: { from?: string | null; to?: string | null; relation?: string | null } | null;
  asOf?: string | null;
  status?: readonly string[] | null;
  minConfidence?: number | null;
}

export interface ClaimOrderInput {
  field?: string | null;
  direction?: string | null;
}

const emptyToNull = <T>(list: readonly T[] | null | undefined): T[] | null => (list && list.length ? [...list] : null);

export function claimFilterParams(filter: ClaimFilterInput | null | undefined): Record<string, unknown> {
  const f = filter ?? {};
  const period = f.period ?? null;
  if (period?.from && period.to && period.from > period.to) {
    throw badUserInput(`period.from (${period.from}) is after period.to (${period.to})`, 'filter.period');
  }
  if (f.minConfidence != null && (f.minConfidence < 0 || f.minConfidence > 1)) {
    throw badUserInput('minConfidence must lie in 0..1', 'filter.minConfidence');
  }
  const text = f.text?.trim().toLowerCase();
  return {
    text: text ? text : null,
    measureIds: emptyToNull(f.measureIds),
    attributedTo: emptyToNull(f.attributedTo),
    includeSubsidiaries: f.includeSubsidiaries ?? false,
    sourceIds: emptyToNull(f.sourceIds),
    regionIds: emptyToNull(f.regionIds),
    includeSubregions: f.includeSubregions ?? true,
    periodRelation: period ? (period.relation ?? 'OVERLAPS') : null,
    periodFrom: period?.from ?? null,
    periodTo: period?.to ?? null,
    asOf: f.asOf ?? null,
    status: emptyToNull(f.status),
    minConfidence: f.minConfidence ?? null,
  };
}

export async function claims(
  db: Database,
  loader: EntityLoader,
  args: PageArgs & { filter?: ClaimFilterInput | null; orderBy?: ClaimOrderInput | null },
): Promise<Connection<ClaimRow>> {
  const first = checkFirst(args.first, 20);
  const cursor = decodeCursor(args.after);
  const field = args.orderBy?.field ?? 'ID';
  const direction = field !== 'ID' && args.orderBy?.direction === 'DESC' ? -1 : 1;
  const [result] = await db.read<{ totalCount: number; page: { id: string; key: number }[] }>('claims/claimsPage', {
    ...claimFilterParams(args.filter),
    orderField: field,
    direction,
    afterKey: cursor?.key ?? null,
    afterId: cursor?.id ?? null,
    limit: first + 1,
  });
  return toConnection<ClaimRow>(loader, result, first, cursor !== null, 'Claim');
}
