/** Where the driver connects: the one Neo4j database claimgraph reads and writes. */
export interface Neo4jTarget {
  /** bolt://, neo4j:// (routing), neo4j+s:// (Aura) ... */
  uri: string;
  user?: string;
  password?: string;
  database: string;
}
