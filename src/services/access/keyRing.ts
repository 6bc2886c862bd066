/**
 * Who is calling: the keys from CLAIMGRAPH_API_KEYS and those stored in the graph, and the lookup
 * of a presented key. Every stored hash is compared in constant time, and the loop never stops
 * early, so the time taken says nothing about which key (or how much of one) matched.
 */
import { timingSafeEqual } from 'node:crypto';
import { hashKey } from './keyStore.js';
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

export class KeyRing {
  private storedKeys: ConfiguredKey[] = [];

  constructor(private readonly envKeys: ConfiguredKey[]) {}

  /**
   * The graph's keys as last read (access/keyFollower.ts replaces them about twice a second):
   * lookups stay synchronous, with no database trip per request.
   */
  replaceStored(keys: ConfiguredKey[]): void {
    this.storedKeys = keys;
  }

  /** All keys now in force. */
  keys(): ConfiguredKey[] {
    return this.storedKeys.length ? [...this.envKeys, ...this.storedKeys] : this.envKeys;
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
