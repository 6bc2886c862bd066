/** Sources and their derivations. */
import type { Resolvers } from '../generated/graphql.js';
import { found } from './found.js';
import { pageNeighbours, prefetch } from './lookahead.js';
import type { PersonRow, SourceDerivationRow, SourceRow } from '../db/rows.js';
import * as agents from '../services/entities/agents.js';
import * as catalog from '../services/catalog/catalog.js';
import * as claimsService from '../services/claims/claims.js';
import { edgeIds, loadMany, present, rowsOf } from '../services/entities/entities.js';
import * as lookups from '../services/entities/lookups.js';
import { str } from '../services/entities/props.js';
import { edgeProps, inbound, none, out, own, props, type FieldReadsTable } from './fieldReads.js';

function derivations(s: SourceRow, direction: 'out' | 'in'): SourceDerivationRow[] {
  return s[direction]
    .filter((e) => e.type === 'DERIVED_FROM')
    .map((e) => ({
      sourceId: direction === 'out' ? s.id : e.id,
      derivedFromId: direction === 'out' ? e.id : s.id,
      kind: String(e.props.kind ?? 'CITES'),
      scope: s.scope,
    }));
}

export const sourceResolvers: Resolvers = {
  Query: {
    source: async (_, { id }, ctx, info) => found(await lookups.source(await prefetch(ctx, info, [id]), id), 'source', id),
    sources: (_, args, ctx) => catalog.sources(ctx.db, ctx.entities, args),
  },
  Source: {
    kind: (s) => (str(s, 'kind') ?? 'ARTICLE') as never,
    publisher: (s, _, ctx) => {
      const [id] = edgeIds(s, 'PUBLISHED_BY');
      return id ? agents.organization(rowsOf(s, ctx.entities), id) : null;
    },
    authors: (s, _, ctx) => loadMany<PersonRow>(rowsOf(s, ctx.entities), edgeIds(s, 'AUTHORED_BY'), ['Person']),
    derivedFrom: (s) => derivations(s, 'out'),
    derivations: (s) => derivations(s, 'in'),
    claims: (s, args, ctx, info) => claimsService.claims(ctx.db, ctx.entities, { ...args, filter: { sourceIds: [s.id] } }, pageNeighbours(info)),
  },
  SourceDerivation: {
    source: (d, _, ctx) => present(lookups.source(rowsOf(d, ctx.entities), d.sourceId)),
    derivedFrom: (d, _, ctx) => present(lookups.source(rowsOf(d, ctx.entities), d.derivedFromId)),
    kind: (d) => d.kind as never,
  },
};

/** What these fields read of their rows (fieldReads.ts); a field named as its kind's property reads that property and needs no entry. */
export const sourceReads: FieldReadsTable = {
  Source: { kind: props('kind'), publisher: out('PUBLISHED_BY'), authors: out('AUTHORED_BY'), derivedFrom: out('DERIVED_FROM'), derivations: inbound('DERIVED_FROM'), claims: own },
  SourceDerivation: { source: none, derivedFrom: none, kind: edgeProps('DERIVED_FROM') },
};
