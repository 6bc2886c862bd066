/** Claims, their quantities, periods and statements. */
import type { Resolvers } from '../generated/graphql.js';
import { found } from './found.js';
import { pageNeighbours, prefetch } from './lookahead.js';
import type { AgentRow, ClaimRow, RegionRow, SourceRow } from '../db/rows.js';
import * as claimsService from '../services/claims/claims.js';
import { effectiveStatus } from '../services/claims/status.js';
import { edgeIds, loadMany, present, rowsOf } from '../services/entities/entities.js';
import * as lookups from '../services/entities/lookups.js';
import { num, str } from '../services/entities/props.js';
import { roundingUnit } from '../services/provenance/intervals.js';
import { edgeProps, inbound, none, out, props, type FieldReadsTable } from './fieldReads.js';

export const claimResolvers: Resolvers = {
  Query: {
    claim: async (_, { id }, ctx, info) => found(await lookups.claim(await prefetch(ctx, info, [id]), id), 'claim', id),
    claims: (_, args, ctx, info) => claimsService.claims(ctx.db, ctx.entities, args, pageNeighbours(info)),
  },
  Claim: {
    text: (c) => str(c, 'text') ?? '',
    quantity: (c) => (c.props.bound == null ? null : c),
    measure: (c, _, ctx) => {
      const [id] = edgeIds(c, 'ABOUT');
      return id ? lookups.measure(rowsOf(c, ctx.entities), id) : null;
    },
    period: (c, _, ctx) => {
      const [id] = edgeIds(c, 'COVERS');
      return id ? lookups.period(rowsOf(c, ctx.entities), id) : null;
    },
    regions: (c, _, ctx) => loadMany<RegionRow>(rowsOf(c, ctx.entities), edgeIds(c, 'IN_REGION'), ['Region']),
    attributedTo: (c, _, ctx) => loadMany<AgentRow>(rowsOf(c, ctx.entities), edgeIds(c, 'ATTRIBUTED_TO'), ['Organization', 'Person']),
    statedIn: (c) => c.out.filter((e) => e.type === 'STATED_IN').map((e) => ({ sourceId: e.id, props: e.props, scope: c.scope })),
    basedOn: (c, _, ctx) => loadMany<SourceRow>(rowsOf(c, ctx.entities), edgeIds(c, 'BASED_ON'), ['Source']),
    status: (c) => effectiveStatus(c) as never,
    supersedes: (c, _, ctx) => loadMany<ClaimRow>(rowsOf(c, ctx.entities), edgeIds(c, 'SUPERSEDES'), ['Claim']),
    supersededBy: (c, _, ctx) => loadMany<ClaimRow>(rowsOf(c, ctx.entities), edgeIds(c, 'SUPERSEDES', 'in'), ['Claim']),
    recordedAt: (c) => str(c, 'recordedAt') ?? '',
  },
  Quantity: {
    effectivePrecision: (c) => {
      const value = num(c, 'value');
      return value == null ? null : roundingUnit(value, num(c, 'precision'));
    },
    aggregation: (c) => (str(c, 'aggregation') ?? 'NONE') as never,
  },
  Period: {
    start: (p) => str(p, 'start') ?? '',
  },
  Statement: {
    source: (s, _, ctx) => present(lookups.source(rowsOf(s, ctx.entities), s.sourceId)),
    quote: (s) => (s.props.quote == null ? null : String(s.props.quote)),
    statedAt: (s) => (s.props.statedAt == null ? null : String(s.props.statedAt)),
  },
};

/** What these fields read of their rows (fieldReads.ts); a field named as its kind's property reads that property and needs no entry. */
export const claimReads: FieldReadsTable = {
  Claim: {
    text: props('text'),
    quantity: props('bound'),
    measure: out('ABOUT'),
    period: out('COVERS'),
    regions: out('IN_REGION'),
    attributedTo: out('ATTRIBUTED_TO'),
    statedIn: out('STATED_IN'),
    basedOn: out('BASED_ON'),
    status: { props: ['status'], in: ['SUPERSEDES'] },
    supersedes: out('SUPERSEDES'),
    supersededBy: inbound('SUPERSEDES'),
    recordedAt: props('recordedAt'),
  },
  Quantity: { effectivePrecision: props('value', 'precision'), aggregation: props('aggregation') },
  Period: { start: props('start') },
  Statement: { source: none, quote: edgeProps('STATED_IN'), statedAt: edgeProps('STATED_IN') },
  // Claim lists: their wrappers read nothing of a row.
  ClaimConnection: { edges: none, pageInfo: none, totalCount: none },
  ClaimEdge: { cursor: none, node: none },
  PageInfo: { hasNextPage: none, hasPreviousPage: none, startCursor: none, endCursor: none },
};
