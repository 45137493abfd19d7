/**
 * The bytes each document was received as (fixity), and the archivist's metadata: read apart from
 * the document's other fields, since they are large and rarely asked for.
 */
import type { Executor } from './executor';

export interface OriginalData {
  id: string;
  sha256: string;
  mediaType: string;
  bytes: Buffer;
  metadata: Record<string, unknown>;
  furniture: { text: string; rule: string }[];
}

export class OriginalRepository {
  constructor(private readonly executor: Executor) {}

  async byIds(ids: readonly string[]): Promise<(OriginalData | null)[]> {
    const rows = await this.executor.query<{ id: string; sha256: string; mediaType: string; original: string; metadata: string | null; furniture: string | null }>(
      `UNWIND $ids AS id MATCH (d:Document {id: id})
       RETURN d.id AS id, d.sha256 AS sha256, d.mediaType AS mediaType, d.original AS original, d.metadata AS metadata, d.furniture AS furniture`,
      { ids },
    );
    const m = new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          sha256: r.sha256,
          mediaType: r.mediaType ?? 'text/plain',
          bytes: Buffer.from(r.original ?? '', 'base64'),
          metadata: r.metadata ? (JSON.parse(r.metadata) as Record<string, unknown>) : {},
          furniture: r.furniture ? (JSON.parse(r.furniture) as OriginalData['furniture']) : [],
        },
      ]),
    );
    return ids.map((id) => m.get(id) ?? null);
  }
}
