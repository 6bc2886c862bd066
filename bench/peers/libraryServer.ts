/**
 * The @neo4j/graphql peer of `npm run bench:peers`: the generic GraphQL-to-Cypher library, its
 * type definitions (typeDefs.graphql) over claimgraph's labels, on Apollo Server 5's standalone
 * HTTP server. Prints "ready <port>" once listening.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

const typeDefs = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'typeDefs.graphql'), 'utf8');
// Notifications off, as claimgraph and the raw peer run: no server is charged for warnings it never reads.
const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD!), {
  maxConnectionPoolSize: 64,
  notificationFilter: { minimumSeverityLevel: 'OFF' },
});
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } });
console.log(`ready ${process.env.PORT}`);
process.on('SIGTERM', () =>
  server
    .stop()
    .then(() => driver.close())
    .then(() => process.exit(0)),
);
