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

export const claimResolvers: Resolvers = {
  Query: {
    claim: async (_, { id }, ctx, info) => found(await lookups.claim(await prefetch(ctx, info, [id]), id), 'claim', id),
    claims: (_, args, ctx, info) => claimsService.claims(ctx.db, ctx.entities, args, pageNeighbours(info)),
  },
  Claim: {
    text: (c) => str(c, 'text') ?? '',
    quote: (c) => str(c, 'quote'),
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
    confidence: (c) => num(c, 'confidence'),
    status: (c) => effectiveStatus(c) as never,
    supersedes: (c, _, ctx) => loadMany<ClaimRow>(rowsOf(c, ctx.entities), edgeIds(c, 'SUPERSEDES'), ['Claim']),
    supersededBy: (c, _, ctx) => loadMany<ClaimRow>(rowsOf(c, ctx.entities), edgeIds(c, 'SUPERSEDES', 'in'), ['Claim']),
    statedAt: (c) => str(c, 'statedAt'),
    recordedAt: (c) => str(c, 'recordedAt') ?? '',
  },
  Quantity: {
    value: (c) => num(c, 'value'),
    low: (c) => num(c, 'low'),
    high: (c) => num(c, 'high'),
    unit: (c) => str(c, 'unit'),
    bound: (c) => str(c, 'bound') as never,
    precision: (c) => num(c, 'precision'),
    effectivePrecision: (c) => {
      const value = num(c, 'value');
      return value == null ? null : roundingUnit(value, num(c, 'precision'));
    },
    aggregation: (c) => (str(c, 'aggregation') ?? 'NONE') as never,
    per: (c) => str(c, 'per') as never,
  },
  Period: {
    label: (p) => str(p, 'label'),
    start: (p) => str(p, 'start') ?? '',
    end: (p) => str(p, 'end'),
    granularity: (p) => str(p, 'granularity') as never,
  },
  Statement: {
    source: (s, _, ctx) => present(lookups.source(rowsOf(s, ctx.entities), s.sourceId)),
    quote: (s) => (s.props.quote == null ? null : String(s.props.quote)),
    statedAt: (s) => (s.props.statedAt == null ? null : String(s.props.statedAt)),
  },
};
