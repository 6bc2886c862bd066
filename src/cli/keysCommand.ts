/**
 * `claimgraph keys add NAME --role ROLE | list | revoke NAME`: API keys kept (as hashes) in the
 * data directory. A running server sees changes within a second; no restart is needed.
 */
import { invokedAs } from './invokedAs.js';
import type { Config } from '../config.js';
import { addKey, keyFilePath, readKeyFile, revokeKey } from '../services/access/keyStore.js';
import { isRole, ROLES } from '../services/access/roles.js';

export function keysCommand(config: Config, args: string[]): number {
  const [action, ...rest] = args;
  if (action === 'add') {
    const roleAt = rest.findIndex((a) => a === '--role' || a.startsWith('--role='));
    const role = roleAt < 0 ? 'read' : rest[roleAt].includes('=') ? rest[roleAt].slice(7) : rest[roleAt + 1];
    const name = rest.filter((_, i) => roleAt < 0 || (i !== roleAt && (rest[roleAt].includes('=') || i !== roleAt + 1)))[0];
    if (!name) return usage('keys add needs a NAME');
    if (!role || !isRole(role)) return usage(`--role must be one of ${ROLES.join(', ')}`);
    const key = addKey(config.dataDir, name, role);
    console.log(
      `Key "${name}" (${role}) created. It is shown only now; store it safely:\n\n  ${key}\n\nClients send it as "Authorization: Bearer <key>". Stored as a hash in ${keyFilePath(config.dataDir)}.`,
    );
    return 0;
  }
  if (action === 'list') {
    const stored = readKeyFile(config.dataDir);
    const env = config.apiKeys;
    if (!stored.length && !env.length) console.log('No API keys: a server on loopback lets anyone on this machine write.');
    for (const k of stored) console.log(`${k.name}\t${k.role}\tcreated ${k.createdAt}\t(key file)`);
    for (const k of env) console.log(`${k.name}\t${k.role}\t\t(CLAIMGRAPH_API_KEYS)`);
    return 0;
  }
  if (action === 'revoke') {
    const [name] = rest;
    if (!name) return usage('keys revoke needs a NAME');
    if (revokeKey(config.dataDir, name)) {
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
