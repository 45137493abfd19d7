/**
 * The plain data that the exports (TimelineJS3, CSV, JSON-LD) and the timeline page work from:
 * a TimelineEntry of the GraphQL contract with only the fields the exports use.
 */

export interface ExportTimeSpan {
  /** Library of Congress EDTF: 2022-03-02, 2022-03, 2022-02-28/2022-03-02, 2022-03-02? */
  edtf: string;
  /** ISO 8601 date-time, the span's lower bound */
  earliest: string;
  /** ISO 8601 date-time, the span's upper bound */
  latest: string;
  /** As the source wrote it; null when taken from catalog data */
  text: string | null;
}

export interface ExportDocumentRef {
  id: string;
  title: string;
  url: string | null;
}

export interface ExportEvidence {
  document: ExportDocumentRef;
  start: number;
  end: number;
  excerpt: string;
}

export type ExportEntityKind = 'PERSON' | 'ORGANIZATION' | 'PLACE';

export interface ExportEntityRef {
  id: string;
  name: string;
  kind: ExportEntityKind;
}

export interface ExportPlaceRef {
  id: string;
  name: string;
}

export interface ExportStatement {
  __typename: 'Statement';
  id: string;
  kind: 'QUOTE' | 'REPORTED';
  text: string;
  quote: string | null;
  speaker: ExportEntityRef | null;
  speakerText: string | null;
  channel: string | null;
  saidAt: ExportTimeSpan | null;
  saidIn: ExportPlaceRef | null;
  evidence: ExportEvidence[];
  /** ids of the statements it contradicts */
  contradicts: string[];
}

export interface ExportEvent {
  __typename: 'Event';
  id: string;
  label: string;
  type: string;
  when: ExportTimeSpan | null;
  places: ExportPlaceRef[];
  participants: ExportEntityRef[];
  evidence: ExportEvidence[];
}

export type ExportItem = ExportStatement | ExportEvent;

export interface ExportEntry {
  at: ExportTimeSpan;
  item: ExportItem;
}

/** The contract's TimelineFilter; from/to are ISO 8601 date-times. */
export interface TimelineFilter {
  entityIds?: string[];
  documentIds?: string[];
  from?: string;
  to?: string;
}

export interface TimelineSource {
  /** Every entry matching the filter (paged internally), in timeline order (at.earliest, then id). */
  fetchTimeline(filter: TimelineFilter): Promise<ExportEntry[]>;
}

export type ExportFormat = 'timelinejs' | 'csv' | 'jsonld';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['timelinejs', 'csv', 'jsonld'];
