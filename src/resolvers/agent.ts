/** Organizations, people and their roles. */
import type { Resolvers } from '../generated/graphql.js';
import { found } from './found.js';
import { pageNeighbours, prefetch } from './lookahead.js';
import * as agents from '../services/entities/agents.js';
import { present, rowsOf } from '../services/entities/entities.js';
import * as catalog from '../services/catalog/catalog.js';
import * as claimsService from '../services/claims/claims.js';
import { str } from '../services/entities/props.js';
import { edgeProps, inbound, none, out, own, props, type FieldReadsTable } from './fieldReads.js';

export const agentResolvers: Resolvers = {
  Query: {
    organization: async (_, { id }, ctx, info) => found(await agents.organization(await prefetch(ctx, info, [id]), id), 'organization', id),
    person: async (_, { id }, ctx, info) => found(await agents.person(await prefetch(ctx, info, [id]), id), 'person', id),
    organizations: (_, args, ctx) => catalog.organizations(ctx.db, ctx.entities, args),
  },
  Agent: {
    __resolveType: (row) => row.kind as 'Organization' | 'Person',
  },
  Organization: {
    name: (o) => str(o, 'name') ?? o.id,
    partOf: (o, _, ctx) => agents.parentOrganization(rowsOf(o, ctx.entities), o),
    subsidiaries: (o, _, ctx) => agents.subsidiaries(rowsOf(o, ctx.entities), o),
    people: (o) => agents.roleAssignments(o),
    claims: (o, { includeSubsidiaries, ...page }, ctx, info) => claimsService.claims(ctx.db, ctx.entities, { ...page, filter: { attributedTo: [o.id], includeSubsidiaries } }, pageNeighbours(info)),
    publishedSources: (o, args, ctx) => catalog.sources(ctx.db, ctx.entities, { ...args, filter: { publisherIds: [o.id] } }),
  },
  Person: {
    name: (p) => str(p, 'name') ?? p.id,
    roles: (p) => agents.roleAssignments(p),
    claims: (p, args, ctx, info) => claimsService.claims(ctx.db, ctx.entities, { ...args, filter: { attributedTo: [p.id] } }, pageNeighbours(info)),
  },
  RoleAssignment: {
    person: (r, _, ctx) => present(agents.person(rowsOf(r, ctx.entities), r.personId)),
    organization: (r, _, ctx) => present(agents.organization(rowsOf(r, ctx.entities), r.organizationId)),
    title: (r) => (r.props.title == null ? null : String(r.props.title)),
    from: (r) => (r.props.from == null ? null : String(r.props.from)),
    to: (r) => (r.props.to == null ? null : String(r.props.to)),
  },
};

/** What these fields read of their rows (fieldReads.ts); a field named as its kind's property reads that property and needs no entry. */
export const agentReads: FieldReadsTable = {
  Organization: {
    name: props('name'),
    partOf: out('PART_OF'),
    subsidiaries: inbound('PART_OF'),
    people: { in: ['ROLE'], edgeProps: ['ROLE'] },
    claims: own,
    publishedSources: own,
  },
  Person: { name: props('name'), roles: { out: ['ROLE'], edgeProps: ['ROLE'] }, claims: own },
  RoleAssignment: { person: none, organization: none, title: edgeProps('ROLE'), from: edgeProps('ROLE'), to: edgeProps('ROLE') },
};
