/** Regions and measures: the "where" and the "what" of claims. */
import type { RegionRow } from '../db/rows.js';
import type { Resolvers } from '../generated/graphql.js';
import { found } from './found.js';
import { pageNeighbours, prefetch } from './lookahead.js';
import * as catalog from '../services/catalog/catalog.js';
import * as claimsService from '../services/claims/claims.js';
import { edgeIds, loadMany, rowsOf } from '../services/entities/entities.js';
import * as lookups from '../services/entities/lookups.js';
import { str } from '../services/entities/props.js';
import { inbound, out, own, props, type FieldReadsTable } from './fieldReads.js';

export const placeResolvers: Resolvers = {
  Query: {
    region: async (_, { id }, ctx, info) => found(await lookups.region(await prefetch(ctx, info, [id]), id), 'region', id),
    regions: (_, args, ctx) => catalog.regions(ctx.db, ctx.entities, args),
    measure: async (_, { id }, ctx) => found(await lookups.measure(ctx.entities, id), 'measure', id),
    measures: (_, args, ctx) => catalog.measures(ctx.db, ctx.entities, args),
  },
  Region: {
    name: (r) => str(r, 'name') ?? r.id,
    parent: (r, _, ctx) => {
      const [id] = edgeIds(r, 'PART_OF');
      return id ? lookups.region(rowsOf(r, ctx.entities), id) : null;
    },
    children: (r, _, ctx) => loadMany<RegionRow>(rowsOf(r, ctx.entities), edgeIds(r, 'PART_OF', 'in'), ['Region']),
    claims: (r, { includeSubregions, ...page }, ctx, info) => claimsService.claims(ctx.db, ctx.entities, { ...page, filter: { regionIds: [r.id], includeSubregions } }, pageNeighbours(info)),
  },
  Measure: {
    name: (m) => str(m, 'name') ?? m.id,
    // The share's own row: ShareOf reads its base and part from it.
    shareOf: (m) => (str(m, 'shareBase') ? m : null),
    claims: (m, args, ctx, info) => claimsService.claims(ctx.db, ctx.entities, { ...args, filter: { measureIds: [m.id] } }, pageNeighbours(info)),
  },
  ShareOf: {
    base: async (m, _, ctx) => (await lookups.measure(rowsOf(m, ctx.entities), str(m, 'shareBase')!)) ?? missingMeasure(str(m, 'shareBase')!),
    part: async (m, _, ctx) => (await lookups.measure(rowsOf(m, ctx.entities), str(m, 'sharePart') ?? m.id)) ?? m,
  },
};

/** What these fields read of their rows (fieldReads.ts); a field named as its kind's property reads that property and needs no entry. */
export const placeReads: FieldReadsTable = {
  Region: { name: props('name'), parent: out('PART_OF'), children: inbound('PART_OF'), claims: own },
  Measure: { name: props('name'), shareOf: props('shareBase'), claims: own },
  ShareOf: { base: props('shareBase'), part: props('sharePart') },
};

/** A base measure that ingest validated but is gone (never expected): a plain error, not a crash. */
function missingMeasure(id: string): never {
  throw new Error(`The share's base measure "${id}" is not in the graph`);
}
