/** Starting the measured servers as child processes, as `npm start` starts claimgraph. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The Node flags `npm start` gives claimgraph (package.json's start script), so it runs here as it does there. */
export const START_FLAGS = (() => {
  const start = String(JSON.parse(readFileSync(path.join(here, '../../package.json'), 'utf8')).scripts.start);
  const flags = /^node ((?:--\S+ )*)dist\/main\.js$/.exec(start);
  if (!flags) throw new Error(`package.json's start script is not "node [--flags] dist/main.js": ${start}`);
  return flags[1].trim().split(' ').filter(Boolean);
})();

/** The environment a measured claimgraph runs with: no seed, quiet logs, no rate limit. */
export const AS_NPM_START: Readonly<Record<string, string>> = { CLAIMGRAPH_SEED: 'false', LOG_LEVEL: 'warn', CLAIMGRAPH_RATE_POINTS: '0' };

/** Builds the checkout in `dir` (its bin/build.mjs) as `npm start` would, so its dist/ is current. */
export function buildCheckout(dir: string): void {
  const built = spawnSync(process.execPath, [path.join(dir, 'bin/build.mjs')], { stdio: 'inherit', cwd: dir });
  if (built.status !== 0) throw new Error(`the build of ${dir} failed`);
}

/** Starts a server process and resolves once its port answers HTTP (any status). */
export async function startChild(script: string, env: Record<string, string>, port: number): Promise<ChildProcess> {
  const args = script.endsWith('.js') ? [...START_FLAGS, script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}):\n${out}`);
    const answered = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }).then(
      () => true,
      () => false,
    );
    if (answered) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not answer on port ${port} within 180 s:\n${out}`);
}
