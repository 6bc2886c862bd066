/**
 * A claimgraph server as its own process (`src/main.ts` through tsx, as `npm start` runs it), for
 * tests of what only processes show: crashes, supervision, several replicas over one database.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  log: string[];
}

/** Starts a server with `env` over the test's environment; resolves once it logs that it is ready. */
export async function startServerProcess(env: NodeJS.ProcessEnv, children: ChildProcess[], timeoutMs = 180_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in ${timeoutMs / 1000} s:\n${log.join('')}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (/claimgraph ready at/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${log.join('')}`)));
  });
  return { child, log };
}
