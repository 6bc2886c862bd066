/**
 * Collects validation problems with their JSON paths, so a rejected document reports every
 * problem at once (the first one in the message) instead of one per attempt.
 */
import { badUserInput, type ClientError } from '../../errors.js';

export interface Problem {
  path: string;
  message: string;
}

export class Problems {
  readonly list: Problem[] = [];

  add(path: string, message: string): void {
    if (this.list.length < 100) this.list.push({ path, message });
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

/** Joins a JSON path: join('claims', 3, 'period') → claims[3].period */
export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}
