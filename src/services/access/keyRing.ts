/**
 * Who is calling: the keys from CLAIMGRAPH_API_KEYS and from the key file, and the lookup of a
 * presented key. Every stored hash is compared in constant time, and the loop never stops early,
 * so the time taken says nothing about which key (or how much of one) matched.
 */
import fs from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { hashKey, keyFilePath, readKeyFile } from './keyStore.js';
import type { Role } from './roles.js';

export interface ConfiguredKey {
  name: string;
  role: Role;
  /** hex SHA-256 of the key */
  hash: string;
}

/** The identity a request acts as: a named key, or the anonymous caller. */
export interface Principal {
  /** The key's name; `anonymous` without a key. */
  name: string;
  /** What it may do; null when it may do nothing (private reads without a key). */
  role: Role | null;
  authenticated: boolean;
}

/** How often the key file's metadata is checked. */
const KEY_FILE_CHECK_MS = 1_000;

export class KeyRing {
  private fileKeys: ConfiguredKey[] = [];
  private fileStamp = '';
  private checkedAt = -Infinity;

  constructor(
    private readonly envKeys: ConfiguredKey[],
    /** Where `claimgraph keys add` stores keys; undefined to use the environment's only. */
    private readonly dataDir?: string,
  ) {}

  /**
   * All keys now in force. The key file is looked at again at most once a second (not once per
   * request) and re-read when it changed, so `keys revoke` takes effect within a second.
   */
  keys(): ConfiguredKey[] {
    const now = Date.now();
    if (this.dataDir && now - this.checkedAt >= KEY_FILE_CHECK_MS) {
      this.checkedAt = now;
      let stamp = 'absent';
      try {
        const st = fs.statSync(keyFilePath(this.dataDir));
        stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
      } catch {
        /* no key file: no stored keys */
      }
      if (stamp !== this.fileStamp) {
        this.fileKeys = stamp === 'absent' ? [] : readKeyFile(this.dataDir);
        this.fileStamp = stamp;
      }
    }
    return [...this.envKeys, ...this.fileKeys];
  }

  /** Whether any key may write: without one, the server may only listen on loopback. */
  hasWriteKey(): boolean {
    return this.keys().some((k) => k.role === 'write' || k.role === 'admin');
  }

  /** The key matching `presented`, or undefined. */
  find(presented: string): ConfiguredKey | undefined {
    const digest = Buffer.from(hashKey(presented), 'hex');
    let match: ConfiguredKey | undefined;
    for (const key of this.keys()) {
      const stored = Buffer.from(key.hash, 'hex');
      if (stored.length === digest.length && timingSafeEqual(stored, digest) && !match) match = key;
    }
    return match;
  }
}
