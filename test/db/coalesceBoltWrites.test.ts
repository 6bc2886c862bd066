/**
 * A query's Bolt message leaves in one socket write however long its text (the driver cuts it
 * into 1,400-byte pieces): counted at the socket, on the real database.
 */
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { coalesceBoltWrites } from '../../src/db/coalesceBoltWrites.js';
import { testTarget } from '../helpers/testApp.js';

const db = Database.connect(testTarget());
afterAll(() => db.close());

/** Socket writes reaching the kernel while `work` runs: one per `_write`, one per `_writev`. */
async function socketWrites(work: () => Promise<unknown>): Promise<{ single: number; vectored: number }> {
  const proto = net.Socket.prototype as unknown as { _write: (...a: unknown[]) => unknown; _writev: (...a: unknown[]) => unknown };
  const { _write, _writev } = proto;
  const counts = { single: 0, vectored: 0 };
  proto._write = function (...a: unknown[]) {
    counts.single += 1;
    return _write.apply(this, a);
  };
  proto._writev = function (...a: unknown[]) {
    counts.vectored += 1;
    return _writev.apply(this, a);
  };
  try {
    await work();
  } finally {
    proto._write = _write;
    proto._writev = _writev;
  }
  return counts;
}

describe("the driver's socket writes", () => {
  it('are coalesced in this driver version, once however often asked', () => {
    expect(db.boltWrites).toBe('applied');
    expect(coalesceBoltWrites()).toBe('applied');
  });

  it('send a query of several pieces in one write, and it answers as before', async () => {
    await db.read('health/ping');
    // node/nodesByIds with its row fragment is over 2 KB of text: two pieces or more.
    expect(db.queryText('node/nodesByIds').length).toBeGreaterThan(1_400);
    let rows: unknown[] | undefined;
    const counts = await socketWrites(async () => {
      rows = await db.read('node/nodesByIds', { p: { ids: ['claim:no-such-claim'], types: [], depth: 1 } });
    });
    expect(counts).toEqual({ single: 0, vectored: 1 });
    expect(rows).toEqual([]);
    // The connection is still in step with the server: the next query answers.
    await expect(db.read('health/ping')).resolves.toHaveLength(1);
  });
});
