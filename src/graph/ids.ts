/**
 * Global ids: a type prefix and a hash of the node's stable key, so `node(id)` knows where to look
 * and ids stay the same across runs and machines.
 */
import { createHash } from 'node:crypto';

export type NodeType = 'Document' | 'Entity' | 'Statement' | 'Event';

const PREFIX: Record<NodeType, string> = { Document: 'doc', Entity: 'ent', Statement: 'stm', Event: 'evt' };
const TYPE_OF: Record<string, NodeType> = Object.fromEntries(Object.entries(PREFIX).map(([t, p]) => [p, t as NodeType]));

const hash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 20);

export const documentId = (sha256: string) => `doc_${sha256.slice(0, 24)}`;
export const entityId = (key: string) => `ent_${hash(key)}`;
export const statementId = (key: string) => `stm_${hash(key)}`;
export const eventId = (key: string) => `evt_${hash(key)}`;

/** The node type an id names, or null for an id of no known form. */
export function typeOfId(id: string): NodeType | null {
  const m = /^([a-z]{3})_[0-9a-f]{20,64}$/.exec(id);
  return m ? (TYPE_OF[m[1]] ?? null) : null;
}
