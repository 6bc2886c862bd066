/** Where the driver connects: the one Neo4j database claimgraph reads and writes. */
export interface Neo4jTarget {
  /** bolt://, neo4j:// (routing), neo4j+s:// (Aura) ... */
  uri: string;
  user?: string;
  password?: string;
  database: string;
}

/**
 * A target as the environment variables config.ts reads (NEO4J_URI, …): how a process started
 * by a test or a benchmark is pointed at the same database.
 */
export function targetEnv(target: Neo4jTarget): Record<string, string> {
  return { NEO4J_URI: target.uri, NEO4J_USER: target.user ?? 'neo4j', NEO4J_PASSWORD: target.password ?? '', NEO4J_DATABASE: target.database };
}
