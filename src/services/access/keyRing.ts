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

interface HeldKey {
  key: ConfiguredKey;
  digest: Buffer;
}

export class KeyRing {
  /** Every key in force with its decoded hash: derived once per change, not once per request. */
  private held: HeldKey[];
  private all: ConfiguredKey[];

  constructor(private readonly envKeys: ConfiguredKey[]) {
    this.all = envKeys;
    this.held = KeyRing.hold(envKeys);
  }

  private static hold(keys: ConfiguredKey[]): HeldKey[] {
    return keys.map((key) => ({ key, digest: Buffer.from(key.hash, 'hex') }));
  }

  /**
   * The graph's keys as last read (access/keyFollower.ts replaces them about twice a second):
   * lookups stay synchronous, with no database trip per request.
   */
  replaceStored(keys: ConfiguredKey[]): void {
    this.all = keys.length ? [...this.envKeys, ...keys] : this.envKeys;
    this.held = KeyRing.hold(this.all);
  }

  /** All keys now in force. */
  keys(): ConfiguredKey[] {
    return this.all;
  }

  /** Whether any key may write: without one, the server may only listen on loopback. */
  hasWriteKey(): boolean {
    return this.keys().some((k) => k.role === 'write' || k.role === 'admin');
  }

  /** The key matching `presented`, or undefined. */
  find(presented: string): ConfiguredKey | undefined {
    const digest = Buffer.from(hashKey(presented), 'hex');
    let match: ConfiguredKey | undefined;
    for (const { key, digest: stored } of this.held) {
      if (stored.length === digest.length && timingSafeEqual(stored, digest) && !match) match = key;
    }
    return match;
  }
}
