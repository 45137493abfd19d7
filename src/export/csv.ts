/**
 * CSV (RFC 4180): one row per timeline item, CRLF line ends, fields quoted when they hold a quote,
 * comma, CR or LF (quotes doubled). Several values in one cell are separated by "; ", several
 * evidence excerpts by a blank line.
 */
import type { ExportEntry } from './types';

export const CSV_COLUMNS = [
  'id',
  'item',
  'edtf',
  'earliest',
  'latest',
  'kind',
  'text',
  'speaker',
  'participants',
  'channel',
  'place',
  'documents',
  'document_ids',
  'evidence_excerpt',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

export function csvField(value: string | null | undefined): string {
  const s = value ?? '';
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

export function csvRecord(entry: ExportEntry): Record<CsvColumn, string> {
  const { at, item } = entry;
  const docs = unique(item.evidence.map((e) => e.document.id)).map((id) => item.evidence.find((e) => e.document.id === id)!.document);
  const common = {
    id: item.id,
    item: item.__typename,
    edtf: at.edtf,
    earliest: at.earliest,
    latest: at.latest,
    documents: docs.map((d) => d.title).join('; '),
    document_ids: docs.map((d) => d.id).join('; '),
    evidence_excerpt: item.evidence.map((e) => e.excerpt).join('\n\n'),
  };
  if (item.__typename === 'Statement') {
    return {
      ...common,
      kind: item.kind,
      text: item.text,
      speaker: item.speaker?.name ?? item.speakerText ?? '',
      participants: '',
      channel: item.channel ?? '',
      place: item.saidIn?.name ?? '',
    };
  }
  return {
    ...common,
    kind: item.type,
    text: item.label,
    speaker: '',
    participants: item.participants.map((p) => p.name).join('; '),
    channel: '',
    place: item.places.map((p) => p.name).join('; '),
  };
}

export function toCsv(entries: ExportEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    const rec = csvRecord(entry);
    lines.push(CSV_COLUMNS.map((c) => csvField(rec[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Parses RFC 4180 CSV (for tests and round trips): rows of fields, quotes undone. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
