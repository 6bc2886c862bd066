/**
 * The raw-driver peer of `npm run bench:peers`: a minimal node:http server running one
 * hand-written Cypher query per endpoint through neo4j-driver — the floor for any layer. Prints
 * "ready <port>" once listening.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'raw');
const queries = Object.fromEntries(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7'].map((w) => [w, fs.readFileSync(path.join(dir, `${w}.cypher`), 'utf8')]));
const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD!), {
  disableLosslessIntegers: true,
  maxConnectionPoolSize: 64,
  notificationFilter: { minimumSeverityLevel: 'OFF' },
});

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const query = queries[url.pathname.slice(1)];
  if (!query) {
    res.writeHead(404).end();
    return;
  }
  try {
    const { records } = await driver.executeQuery(query, { id: url.searchParams.get('id') }, { routing: neo4j.routing.READ, database: 'neo4j' });
    const body = JSON.stringify(records.map((r) => r.toObject()));
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: (err as Error).message }));
  }
});
server.keepAliveTimeout = 5_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`ready ${process.env.PORT}`));
process.on('SIGTERM', () => server.close(() => driver.close().then(() => process.exit(0))));
