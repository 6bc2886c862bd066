/**
 * Typed by-id lookups for each kind, through the request's entity loader: an id of another kind
 * answers null, as an unknown id does.
 */
import type { ClaimRow, MeasureRow, PeriodRow, RegionRow, RowSource, SourceRow } from '../../db/rows.js';
import { loadOfKind } from './entities.js';
import { checkIds } from '../requests/inputLimits.js';

export const claim = (l: RowSource, id: string) => loadOfKind<ClaimRow>(l, id, 'Claim');
export const source = (l: RowSource, id: string) => loadOfKind<SourceRow>(l, id, 'Source');
export const region = (l: RowSource, id: string) => loadOfKind<RegionRow>(l, id, 'Region');
export const measure = (l: RowSource, id: string) => loadOfKind<MeasureRow>(l, id, 'Measure');
export const period = (l: RowSource, id: string) => loadOfKind<PeriodRow>(l, id, 'Period');

/** Query.nodes: up to 100 ids, in the order asked, null where unknown. */
export const nodes = (l: RowSource, ids: readonly string[]) => Promise.all(checkIds(ids, 'ids').map((id) => l.load(id)));
