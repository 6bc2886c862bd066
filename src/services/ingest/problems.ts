/**
 * Collects validation problems with their JSON paths, so a rejected document reports every
 * problem at once (the first one in the message) instead of one per attempt.
 */
import { badUserInput, type ClientError } from '../../errors.js';

export interface Problem {
  path: string;
  message: string;
}

export interface ProblemsSnapshot {
  list: Problem[];
  suppressed: string[];
}

/** The most problems one document reports (its first ones, in document order as found). */
export const MAX_PROBLEMS = 1000;

export class Problems {
  readonly list: Problem[] = [];
  private suppressed: Set<string> = new Set();

  add(path: string, message: string): void {
    if (this.list.length < MAX_PROBLEMS && !this.isSuppressed(path)) this.list.push({ path, message });
  }

  /** Ignores later problems at these paths or inside them (already reported there). */
  suppressUnder(paths: Set<string>): void {
    this.suppressed = paths;
  }

  private isSuppressed(path: string): boolean {
    if (!this.suppressed.size) return false;
    for (let p = path; p; p = parentPath(p)) if (this.suppressed.has(p)) return true;
    return false;
  }

  /** The problems and the suppressed paths as plain data (to cross a worker thread's boundary). */
  snapshot(): ProblemsSnapshot {
    return { list: this.list, suppressed: [...this.suppressed] };
  }

  /** Problems as a snapshot left them: later additions are suppressed where they would have been. */
  static restore(snapshot: ProblemsSnapshot): Problems {
    const problems = new Problems();
    problems.list.push(...snapshot.list);
    problems.suppressUnder(new Set(snapshot.suppressed));
    return problems;
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  toError(prefix = 'Ingest document rejected'): ClientError {
    const [first] = this.list;
    const more = this.list.length > 1 ? ` (and ${this.list.length - 1} more problem${this.list.length > 2 ? 's' : ''})` : '';
    return badUserInput(`${prefix}: ${first.message}${more}`, first.path, { problems: this.list });
  }
}

/** `claims[3].period.start` → `claims[3].period` → `claims[3]` → `claims` → ''. */
function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : '';
}

/** Joins a JSON path: join('claims', 3, 'period') → claims[3].period */
export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}
