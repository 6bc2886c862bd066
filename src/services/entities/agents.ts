/**
 * Organizations and people: their hierarchy (PART_OF) and roles (ROLE), read from the edges the
 * entity loader already fetched.
 */
import type { EntityRow, OrganizationRow, PersonRow, RoleAssignmentRow, RowSource } from '../../db/rows.js';
import { edgeIds, loadMany, loadOfKind, type MaybePromise } from './entities.js';

export function organization(loader: RowSource, id: string): MaybePromise<OrganizationRow | null> {
  return loadOfKind<OrganizationRow>(loader, id, 'Organization');
}

export function person(loader: RowSource, id: string): MaybePromise<PersonRow | null> {
  return loadOfKind<PersonRow>(loader, id, 'Person');
}

export function parentOrganization(loader: RowSource, org: EntityRow): MaybePromise<OrganizationRow | null> {
  const [parentId] = edgeIds(org, 'PART_OF');
  return parentId ? organization(loader, parentId) : null;
}

export function subsidiaries(loader: RowSource, org: EntityRow): MaybePromise<OrganizationRow[]> {
  return loadMany<OrganizationRow>(loader, edgeIds(org, 'PART_OF', 'in'), ['Organization']);
}

/** Roles of a person (outgoing ROLE) or in an organization (incoming ROLE). */
export function roleAssignments(row: EntityRow): RoleAssignmentRow[] {
  if (row.kind === 'Person') {
    return row.out.filter((e) => e.type === 'ROLE').map((e) => ({ personId: row.id, organizationId: e.id, props: e.props, scope: row.scope }));
  }
  return row.in.filter((e) => e.type === 'ROLE').map((e) => ({ personId: e.id, organizationId: row.id, props: e.props, scope: row.scope }));
}
