/**
 * `claimgraph keys add NAME --role ROLE | list | revoke NAME`: API keys kept (as hashes) in the
 * graph, through the embedded Neo4j (started for the command, or the running server's) or
 * NEO4J_URI's. Every server over that database sees a change within a second; no restart.
 */
import { invokedAs } from './invokedAs.js';
import type { Config } from '../config.js';
import type { Queries } from '../db/queries.js';
import { addKey, revokeKey, storedKeys } from '../services/access/keyStore.js';
import { isRole, ROLES } from '../services/access/roles.js';

export async function keysCommand(config: Config, db: Queries, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'add') {
    const roleAt = rest.findIndex((a) => a === '--role' || a.startsWith('--role='));
    const role = roleAt < 0 ? 'read' : rest[roleAt].includes('=') ? rest[roleAt].slice(7) : rest[roleAt + 1];
    const name = rest.filter((_, i) => roleAt < 0 || (i !== roleAt && (rest[roleAt].includes('=') || i !== roleAt + 1)))[0];
    if (!name) return usage('keys add needs a NAME');
    if (!role || !isRole(role)) return usage(`--role must be one of ${ROLES.join(', ')}`);
    const key = await addKey(db, name, role);
    console.log(
      `Key "${name}" (${role}) created. It is shown only now; store it safely:\n\n  ${key}\n\nClients send it as "Authorization: Bearer <key>". Stored as a hash in the graph: every server over it accepts it within a second.`,
    );
    return 0;
  }
  if (action === 'list') {
    const stored = await storedKeys(db);
    const env = config.apiKeys;
    if (!stored.length && !env.length) console.log('No API keys: a server on loopback lets anyone on this machine write.');
    for (const k of stored) console.log(`${k.name}\t${k.role}\tcreated ${k.createdAt}\t(graph)`);
    for (const k of env) console.log(`${k.name}\t${k.role}\t\t(CLAIMGRAPH_API_KEYS)`);
    return 0;
  }
  if (action === 'revoke') {
    const [name] = rest;
    if (!name) return usage('keys revoke needs a NAME');
    if (await revokeKey(db, name)) {
      console.log(`Key "${name}" revoked; running servers refuse it within a second.`);
      return 0;
    }
    const inEnv = config.apiKeys.some((k) => k.name === name);
    console.error(inEnv ? `"${name}" comes from CLAIMGRAPH_API_KEYS: remove it there and restart.` : `No key named "${name}".`);
    return 1;
  }
  return usage('keys add NAME --role read|write|admin | keys list | keys revoke NAME');
}

function usage(message: string): number {
  console.error(`${invokedAs()} keys: ${message}`);
  return 2;
}
