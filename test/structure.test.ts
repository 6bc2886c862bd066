/**
 * The code's structure: no import circle anywhere in src/, and no import that runs back up a
 * layer. src/db (the only code that talks to the driver) and src/model (the entity model) sit at
 * the bottom: they import each other's leaves and errors.ts, nothing above them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Each module's relative imports (types included: a type import is a dependency too), as paths under src/. */
const imports = new Map(
  files(SRC).map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)].map((m) => path.relative(SRC, path.resolve(path.dirname(file), m[1].replace(/\.js$/, '.ts'))));
    return [path.relative(SRC, file), targets];
  }),
);

/** The import circles (strongly connected components of more than one module, or a module importing itself). */
function circles(): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of imports.get(v) ?? []) {
      if (!imports.has(w)) continue;
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (imports.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of imports.keys()) if (!order.has(v)) visit(v);
  return found;
}

describe('the structure of src/', () => {
  it('reads every module', () => {
    expect(imports.size).toBeGreaterThan(100);
    expect(imports.get('server/app.ts')).toContain('resolvers/schema.ts');
  });

  it('has no import circle', () => {
    expect(circles()).toEqual([]);
  });

  it('has no import back up from src/db or src/model', () => {
    const up = [...imports].flatMap(([file, targets]) => (/^(db|model)\//.test(file) ? targets.filter((t) => !/^(db|model)\//.test(t) && t !== 'errors.ts').map((t) => `${file} → ${t}`) : []));
    expect(up).toEqual([]);
  });
});
