/**
 * Every named query the service may run, with its access mode. Reads run as auto-commit READ
 * sessions (routable to cluster followers), writes through executeWrite. A query absent from this list
 * cannot be run, and the list must match cypher/ exactly (checked at start).
 */
export const QUERY_MODES = {
  'health/ping': 'READ',
  'admin/graphCounts': 'READ',
  'admin/deleteBatch': 'WRITE',
  'node/nodesByIds': 'READ',
  'claims/claimsPage': 'READ',
  'claims/allClaimsPage': 'READ',
  'catalog/sourcesPage': 'READ',
  'catalog/organizationsPage': 'READ',
  'catalog/regionsPage': 'READ',
  'catalog/measuresPage': 'READ',
  'search/search': 'READ',
  'provenance/chainSubgraphs': 'READ',
  'provenance/topInstitutions': 'READ',
  'provenance/comparableClaims': 'READ',
  'provenance/organizationClaims': 'READ',
  'provenance/organizationSources': 'READ',
  'provenance/derivationsTouching': 'READ',
  'provenance/timeline': 'READ',
  'provenance/regionAncestors': 'READ',
  'export/idsPage': 'READ',
  'graph/expand': 'READ',
  'graph/nodeCards': 'READ',
  'graph/filteredDegrees': 'READ',
  'ingest/existingIds': 'READ',
  'ingest/mergeOrganizations': 'WRITE',
  'ingest/linkOrganizationParents': 'WRITE',
  'ingest/mergePeople': 'WRITE',
  'ingest/linkPersonRoles': 'WRITE',
  'ingest/mergeRegions': 'WRITE',
  'ingest/linkRegionParents': 'WRITE',
  'ingest/mergeMeasures': 'WRITE',
  'ingest/mergeSources': 'WRITE',
  'ingest/linkSources': 'WRITE',
  'ingest/mergePeriods': 'WRITE',
  'ingest/mergeClaims': 'WRITE',
  'ingest/linkClaims': 'WRITE',
  'ingest/createClaims': 'WRITE',
} as const satisfies Record<string, 'READ' | 'WRITE'>;

export type QueryName = keyof typeof QUERY_MODES;
