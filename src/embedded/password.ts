/**
 * The embedded Neo4j's password: made at first start (32 random bytes), kept beside the store in
 * a file only its owner can read, and handed to the launcher through its environment. The server,
 * the CLI and Neo4j Browser or cypher-shell (user `neo4j`) all use it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const EMBEDDED_USER = 'neo4j';

export function passwordFilePath(storeDir: string): string {
  return path.join(storeDir, 'claimgraph-neo4j.password');
}

/** The stored password, or undefined when there is none yet. */
export function readPassword(storeDir: string): string | undefined {
  try {
    const text = fs.readFileSync(passwordFilePath(storeDir), 'utf8').trim();
    return text || undefined;
  } catch {
    return undefined;
  }
}

/** The stored password, made (owner-only file) if there is none. */
export function ensurePassword(storeDir: string): string {
  const existing = readPassword(storeDir);
  if (existing) {
    // Tighten a file someone loosened: the password is as good as its file's mode.
    fs.chmodSync(passwordFilePath(storeDir), 0o600);
    return existing;
  }
  fs.mkdirSync(storeDir, { recursive: true });
  const password = randomBytes(32).toString('base64url');
  fs.writeFileSync(passwordFilePath(storeDir), password + '\n', { mode: 0o600, flag: 'wx' });
  return password;
}
