/**
 * Keys made with `claimgraph keys add`, kept in `<data dir>/api-keys.json` (owner-only file). Only
 * a SHA-256 hash of each key is stored: the key itself is printed once and never written. Keys
 * are 32 random bytes, so an unsalted hash is as strong as the key (no dictionary to attack).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from './roles.js';

export interface StoredKey {
  name: string;
  role: Role;
  /** hex SHA-256 of the key */
  hash: string;
  createdAt: string;
}

export const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, 'api-keys.json');
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function readKeyFile(dataDir: string): StoredKey[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(keyFilePath(dataDir), 'utf8')) as { keys?: StoredKey[] };
    return Array.isArray(parsed.keys) ? parsed.keys : [];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`${keyFilePath(dataDir)} is not a readable key file: ${(err as Error).message}`, { cause: err });
  }
}

function writeKeyFile(dataDir: string, keys: StoredKey[]): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = keyFilePath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  // Written whole and renamed: a server reading it meanwhile sees the old or the new list, never half.
  fs.writeFileSync(tmp, JSON.stringify({ keys }, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Creates a key and returns it; only its hash is stored. */
export function addKey(dataDir: string, name: string, role: Role): string {
  if (!KEY_NAME.test(name)) throw new Error(`A key name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit; got "${name}"`);
  const keys = readKeyFile(dataDir);
  if (keys.some((k) => k.name === name)) throw new Error(`A key named "${name}" exists already; revoke it first or choose another name`);
  const key = `cgk_${randomBytes(32).toString('base64url')}`;
  writeKeyFile(dataDir, [...keys, { name, role, hash: hashKey(key), createdAt: new Date().toISOString() }]);
  return key;
}

/** Removes a key; returns whether it existed. */
export function revokeKey(dataDir: string, name: string): boolean {
  const keys = readKeyFile(dataDir);
  const kept = keys.filter((k) => k.name !== name);
  if (kept.length === keys.length) return false;
  writeKeyFile(dataDir, kept);
  return true;
}
