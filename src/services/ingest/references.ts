/**
 * Tracks the ids a document defines and the ids it refers to. A reference to an id the document
 * does not define becomes an external reference, checked against the graph before writing.
 */
import { ID_PREFIX, type IdKind } from './fields.js';
import type { ExternalRef } from './normalized.js';
import type { Problems } from './problems.js';

const KIND_BY_PREFIX = Object.fromEntries(Object.entries(ID_PREFIX).map(([k, p]) => [p, k])) as Record<string, IdKind>;

export function kindOfId(id: string): IdKind | undefined {
  return KIND_BY_PREFIX[id.slice(0, id.indexOf(':'))];
}

export class References {
  /** The raw definition kept as given: serialized only when the id is defined again (rare). */
  private readonly defined = new Map<string, { path: string; raw: unknown }>();
  private readonly refs: { id: string; path: string }[] = [];

  constructor(private readonly problems: Problems) {}

  /** Records a definition; false when the id was already defined differently (a problem is added). */
  define(id: string, path: string, raw: unknown): boolean {
    const prior = this.defined.get(id);
    if (!prior) {
      this.defined.set(id, { path, raw });
      return true;
    }
    if (JSON.stringify(prior.raw) !== JSON.stringify(raw)) {
      this.problems.add(path, `"${id}" is defined twice with different content (first at ${prior.path})`);
    }
    return false;
  }

  isDefined(id: string): boolean {
    return this.defined.has(id);
  }

  refer(id: string | undefined, path: string): void {
    if (id) this.refs.push({ id, path });
  }

  /** References the document does not satisfy itself; the graph must. */
  external(): ExternalRef[] {
    return this.refs.filter((r) => !this.defined.has(r.id)).map((r) => ({ id: r.id, kind: kindOfId(r.id)!, path: r.path }));
  }
}
