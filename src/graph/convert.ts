/**
 * The repository edge: Neo4j Integers and temporal values become plain numbers and ISO strings,
 * so nothing past src/graph sees driver types.
 */
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime, isInt } from 'neo4j-driver';

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are plain: return them before the driver-type checks (large results pass here often).
  if (typeof value !== 'object') return value;
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isDateTime(value as object)) return new Date((value as { toString(): string }).toString()).toISOString();
  if (isDate(value as object) || isLocalDateTime(value as object) || isLocalTime(value as object) || isTime(value as object) || isDuration(value as object)) {
    return (value as { toString(): string }).toString();
  }
  if (Array.isArray(value)) {
    // Lists of plain values (excerpts, ids) are returned as they are, not copied.
    let i = 0;
    while (i < value.length && (value[i] === null || typeof value[i] !== 'object')) i++;
    return i === value.length ? value : value.map(toPlain);
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    // Nodes and relationships: their properties only.
    if ('properties' in v && ('labels' in v || 'type' in v)) return toPlain(v.properties);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
    return out;
  }
  return value;
}

/** A JS integer as a Cypher parameter (LIMIT/SKIP need integers, not floats). */
export const int = (n: number) => neo4j.int(n);
