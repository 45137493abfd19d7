/** The three export formats over ExportEntry lists, and what to send them as. */
import { toCsv } from './csv';
import { toJsonLd } from './jsonld';
import { toTimelineJs } from './timelinejs';
import type { ExportEntry, ExportFormat } from './types';

export { toCsv, parseCsv, CSV_COLUMNS } from './csv';
export { toJsonLd, JSONLD_CONTEXT } from './jsonld';
export { toTimelineJs } from './timelinejs';
export * from './types';

export interface RenderedExport {
  body: string;
  contentType: string;
  extension: string;
}

export function renderExport(format: ExportFormat, entries: ExportEntry[]): RenderedExport {
  switch (format) {
    case 'timelinejs':
      return { body: `${JSON.stringify(toTimelineJs(entries), null, 2)}\n`, contentType: 'application/json; charset=utf-8', extension: 'json' };
    case 'csv':
      return { body: toCsv(entries), contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' };
    case 'jsonld':
      return { body: `${JSON.stringify(toJsonLd(entries), null, 2)}\n`, contentType: 'application/ld+json; charset=utf-8', extension: 'jsonld' };
  }
}
