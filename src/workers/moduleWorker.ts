/**
 * Starts a worker thread on a module beside the caller. Built, the module is the `.js` file; under
 * tsx (development, tests, the CLI and the benchmarks) it is the `.ts` file, and a two-line
 * bootstrap registers tsx's loader in the worker before importing it (a worker does not inherit
 * the loader hooks of its parent).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * @param callerUrl the caller's `import.meta.url` (it tells built from source)
 * @param name the worker module's name without extension, relative to the caller (`./draftWorker`)
 */
export function moduleWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const fromSource = callerUrl.endsWith('.ts');
  const url = new URL(`${name}${fromSource ? '.ts' : '.js'}`, callerUrl);
  if (!fromSource) return new Worker(url, options);
  const tsxApi = pathToFileURL(
    createRequire(callerUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
