/**
 * clientGone reads a real Node response: false while a client waits and after the answer went
 * out, true once the client hung up on an unfinished response.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientGone } from '../../src/server/clientGone.js';

/** A server whose one request is answered by `handle`; resolves with what it recorded. */
async function serveOnce(handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean[]>, client: (port: number) => void): Promise<boolean[]> {
  let seen: Promise<boolean[]> = Promise.resolve([]);
  const server = http.createServer((req, res) => {
    seen = handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client((server.address() as AddressInfo).port);
  await new Promise((resolve) => server.once('request', resolve));
  try {
    return await seen;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('clientGone', () => {
  it('is false while the client waits and after the answer is sent', async () => {
    const seen = await serveOnce(
      async (_req, res) => {
        const gone = clientGone(res);
        const during = gone.aborted;
        await new Promise<void>((resolve) => res.end('ok', resolve));
        await wait(50);
        return [during, gone.aborted];
      },
      (port) => void fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()),
    );
    expect(seen).toEqual([false, false]);
  });

  it('is true once the client hung up on an unfinished response', async () => {
    const seen = await serveOnce(
      async (_req, res) => {
        const gone = clientGone(res);
        const before = gone.aborted;
        for (let i = 0; i < 100 && !gone.aborted; i++) await wait(20);
        return [before, gone.aborted];
      },
      (port) => {
        const req = http.request({ port, host: '127.0.0.1', method: 'POST' });
        req.on('error', () => {});
        req.write('{}');
        setTimeout(() => req.destroy(), 100);
      },
    );
    expect(seen).toEqual([false, true]);
  });
});
