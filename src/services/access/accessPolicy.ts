/**
 * Who may do what: the bearer key of a request becomes a Principal, and operations ask for the
 * role they need. Reads are public unless CLAIMGRAPH_PUBLIC_READS=false; writes need a `write`
 * key, except on a loopback-only server with no keys configured (one person's local use).
 */
import { forbidden, unauthenticated } from '../../errors.js';
import type { KeyRing, Principal } from './keyRing.js';
import { roleAllows, type Role } from './roles.js';

export interface AccessSettings {
  publicReads: boolean;
  /** True when no key is configured and the server listens on loopback only. */
  openLocalWrites: boolean;
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]{1,512})[ \t]*$/i;

export class AccessPolicy {
  constructor(
    readonly keyRing: KeyRing,
    private readonly settings: AccessSettings,
  ) {}

  /** Whether writes are open to anonymous local callers (said in the start-up log). */
  get openLocalWrites(): boolean {
    return this.settings.openLocalWrites && this.keyRing.keys().length === 0;
  }

  /**
   * The caller behind an Authorization header. A header that is present but malformed or names
   * no known key is refused outright (UNAUTHENTICATED), even for public reads: a client with a
   * revoked or mistyped key should learn it at once, not when its first write fails.
   */
  authenticate(authorization: string | undefined): Principal {
    if (authorization === undefined || authorization === '') {
      const role: Role | null = this.openLocalWrites ? 'write' : this.settings.publicReads ? 'read' : null;
      return { name: 'anonymous', role, authenticated: false };
    }
    const m = BEARER.exec(authorization);
    if (!m) throw unauthenticated('The Authorization header must be "Bearer <key>".');
    const key = this.keyRing.find(m[1]);
    if (!key) throw unauthenticated('The API key is not known (revoked, mistyped, or from another server).');
    return { name: key.name, role: key.role, authenticated: true };
  }

  /** The caller behind an Authorization header, if it may read (every route that answers data). */
  reader(authorization: string | undefined): Principal {
    const principal = this.authenticate(authorization);
    this.require(principal, 'read', 'Reading');
    return principal;
  }

  /** Throws UNAUTHENTICATED (no key) or FORBIDDEN (a key without the role) unless allowed. */
  require(principal: Principal, needed: Role, what: string): void {
    if (roleAllows(principal.role, needed)) return;
    if (!principal.authenticated) throw unauthenticated(`${what} needs an API key with the "${needed}" role: send "Authorization: Bearer <key>".`);
    throw forbidden(`The key "${principal.name}" has the "${principal.role}" role; ${what} needs "${needed}".`);
  }
}
