/**
 * Keys made with `claimgraph keys add`, kept in the graph as ApiKey nodes so every replica over
 * one database sees an addition or a revocation (access/keyFollower.ts). Only a SHA-256 hash of
 * each key is stored: the key itself is printed once and never written. Keys are 32 random bytes,
 * so an unsalted hash is as strong as the key (no dictionary to attack). Releases before this one
 * kept them in `<data dir>/api-keys.json`; `migrateKeyFile` moves that file's keys into the graph.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Queries } from '../../db/queries.js';
import type { Role } from './roles.js';

export interface StoredKey {
  name: string;
  role: Role;
  /** hex SHA-256 of the key */
  hash: string;
  createdAt: string;
}

export const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Where releases before keys lived in the graph stored them. */
export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, 'api-keys.json');
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The keys of an old key file; null when there is none. */
function readKeyFile(dataDir: string): StoredKey[] | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(keyFilePath(dataDir), 'utf8')) as { keys?: StoredKey[] };
    return Array.isArray(parsed.keys) ? parsed.keys : [];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`${keyFilePath(dataDir)} is not a readable key file: ${(err as Error).message}`, { cause: err });
  }
}

/** The keys stored in the graph, by name. */
export function storedKeys(db: Queries): Promise<StoredKey[]> {
  return db.read<StoredKey>('access/apiKeys');
}

/** Creates a key and returns it; only its hash is stored. */
export async function addKey(db: Queries, name: string, role: Role): Promise<string> {
  if (!KEY_NAME.test(name)) throw new Error(`A key name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit; got "${name}"`);
  const key = `cgk_${randomBytes(32).toString('base64url')}`;
  const added = await db.write<{ name: string }>('access/addApiKeys', { p: { keys: [{ name, role, hash: hashKey(key), createdAt: new Date().toISOString() }] } });
  if (!added.length) throw new Error(`A key named "${name}" exists already; revoke it first or choose another name`);
  return key;
}

/** Removes a key; returns whether it existed. */
export async function revokeKey(db: Queries, name: string): Promise<boolean> {
  const [{ revoked }] = await db.write<{ revoked: number }>('access/revokeApiKey', { p: { name } });
  return revoked > 0;
}

/**
 * Moves the keys of an old key file into the graph (names already there keep theirs) and renames
 * the file `api-keys.json.migrated`, so it is done once and the hashes are not left in two places.
 * Returns how many keys the file held, or null when there is no file.
 */
export async function migrateKeyFile(db: Queries, dataDir: string): Promise<number | null> {
  const stored = readKeyFile(dataDir);
  if (stored === null) return null;
  const keys = stored.map((k) => ({ name: k.name, role: k.role, hash: k.hash, createdAt: k.createdAt ?? new Date().toISOString() }));
  if (keys.length) await db.write('access/addApiKeys', { p: { keys } });
  try {
    fs.renameSync(keyFilePath(dataDir), `${keyFilePath(dataDir)}.migrated`);
  } catch (err) {
    // Another process starting at the same moment moved it first: the keys are in either way.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return keys.length;
}

/** migrateKeyFile, saying in the log what it moved (the server's start and `claimgraph keys`). */
export async function moveKeyFile(db: Queries, dataDir: string, log: { info(message: string): void }): Promise<void> {
  const moved = await migrateKeyFile(db, dataDir);
  if (moved !== null) log.info(`Moved ${moved} API key(s) from ${keyFilePath(dataDir)} into the graph (the file is now api-keys.json.migrated)`);
}
