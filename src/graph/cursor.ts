/** Opaque keyset cursors: base64url of the sort key, so they stay valid when data is added. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export class CursorError extends Error {
  override name = 'CursorError';
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity) return v;
  } catch {
    /* fall through */
  }
  throw new CursorError(`"after" is not a cursor this list gave out: ${JSON.stringify(cursor.slice(0, 40))}`);
}
