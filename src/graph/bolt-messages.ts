/**
 * Large Bolt messages, read in linear time.
 *
 * The JavaScript driver (neo4j-driver-bolt-connection 6.x) keeps a message that arrived in more than
 * one piece (Neo4j sends chunks of about 8 KB; a big record spans many, and network reads split them
 * further) as a `CombinedBuffer`, whose every one-byte read walks the list of pieces from the start.
 * Decoding a record of n bytes in k pieces therefore costs about n·k/2 steps: a 130 KB record (a page
 * of statements with their evidence) took longer to decode than the database took to answer it
 * (see neo4j/neo4j-javascript-driver#1223). Here the pieces of such a message are copied once into one
 * buffer, which the driver then reads as it reads any single-piece message.
 *
 * Applied once, process-wide, when the graph layer is loaded. If a driver release changes these
 * internals, nothing is replaced and the driver works as it ships (`boltMessagePatch()` says so).
 */
import { createRequire } from 'node:module';

type Piece = { _buffer?: unknown };
let state: 'applied' | 'unavailable' | null = null;

export function boltMessagePatch(): 'applied' | 'unavailable' {
  if (state) return state;
  state = 'unavailable';
  try {
    const require = createRequire(import.meta.url);
    const combined = require('neo4j-driver-bolt-connection/lib/channel/combined-buf') as { default?: unknown };
    const ChannelBuffer = require('neo4j-driver-bolt-connection/lib/channel/channel-buf').default as (new (b: Buffer) => unknown) | undefined;
    const Original = combined.default as (new (pieces: Piece[]) => unknown) | undefined;
    if (typeof Original !== 'function' || typeof ChannelBuffer !== 'function') return state;
    // Called with `new` by the dechunker; returning an object from a constructor replaces the instance.
    function ContiguousMessage(pieces: Piece[]) {
      if (!pieces.every((p) => Buffer.isBuffer(p._buffer))) return new Original!(pieces);
      return new ChannelBuffer!(Buffer.concat(pieces.map((p) => p._buffer as Buffer)));
    }
    combined.default = ContiguousMessage;
    state = 'applied';
  } catch {
    state = 'unavailable';
  }
  return state;
}

boltMessagePatch();
