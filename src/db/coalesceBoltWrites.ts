/**
 * neo4j-driver sends a query in 1,400-byte pieces, each written to its socket at once: one
 * syscall each, and each wakes Neo4j to read part of a message. A claim page's query with its
 * fragments (3 KB of text) went out in three writes, a three-hop source chain's in two. Corking
 * the socket for the rest of the tick sends all of a query's pieces (and any other query's on
 * the same connection in that tick) as one writev. Measured under load on the 100,000-claim
 * graph: 3–6% more requests per second on W1 and W2 (README, bench:peers).
 *
 * The driver has no setting for its buffer size, so this wraps the write method of its Node
 * channel (NodeChannel in neo4j-driver-bolt-connection, the copy neo4j-driver itself loads).
 * If that class is not there or not shaped as expected (another driver version), nothing is
 * changed and the driver writes as before; the caller logs which happened.
 */
import { createRequire } from 'node:module';

interface SocketLike {
  writableCorked: number;
  cork(): void;
  uncork(): void;
}

interface NodeChannelLike {
  prototype: { write(buffer: unknown): void; [COALESCED]?: true };
}

const COALESCED = Symbol.for('claimgraph.coalescedBoltWrites');

/** 'applied' (now or earlier in this process) or why not: the driver's internals differ. */
export function coalesceBoltWrites(): 'applied' | string {
  let channel: NodeChannelLike | undefined;
  try {
    const fromDriver = createRequire(createRequire(import.meta.url).resolve('neo4j-driver'));
    channel = (fromDriver('neo4j-driver-bolt-connection/lib/channel/node/node-channel.js') as { default?: NodeChannelLike }).default;
  } catch (err) {
    return `the driver's Node channel did not load (${(err as Error).message.split('\n')[0]})`;
  }
  const proto = channel?.prototype;
  if (typeof proto?.write !== 'function') return "the driver's Node channel has no write method";
  if (proto[COALESCED]) return 'applied';
  const write = proto.write;
  proto.write = function (this: { _pending: unknown; _conn?: SocketLike }, buffer: unknown) {
    const socket = this._conn;
    // `_pending` is the queue the channel keeps until it is connected; then it writes at once.
    if (this._pending === null && socket && typeof socket.cork === 'function' && !socket.writableCorked) {
      socket.cork();
      process.nextTick(() => socket.uncork());
    }
    return write.call(this, buffer);
  };
  proto[COALESCED] = true;
  return 'applied';
}
