/** Plain records that repositories return: no driver types past this point. */
export interface TimeSpanData {
  edtf: string;
  earliest: string;
  latest: string;
  text: string | null;
}

export interface DocumentData {
  __typename: 'Document';
  id: string;
  identity: string;
  /** The file's path relative to the folder it was ingested from (the catalog's folder). */
  path: string | null;
  title: string;
  publisher: string | null;
  url: string | null;
  published: TimeSpanData | null;
  publishedSource: string | null;
  sha256: string;
  /** The article text when it was read with the rest (lists leave it out; the API loads it on demand). */
  text: string | null;
  version: number;
  /**
   * False once newer bytes superseded this version. Undefined when the record came from the
   * document cache, which never keeps it (it is the one property that changes); the API reads it then.
   */
  current?: boolean;
  language: string | null;
  ingestedAt: string;
}

export type EntityKindName = 'PERSON' | 'ORGANIZATION' | 'PLACE';

export interface EntityData {
  __typename: 'Person' | 'Organization' | 'Place';
  id: string;
  key: string;
  kind: EntityKindName;
  name: string;
  aliases: string[];
  wikidata: string | null;
  latitude: number | null;
  longitude: number | null;
  role: boolean;
}

export interface StatementData {
  __typename: 'Statement';
  id: string;
  kind: 'QUOTE' | 'REPORTED';
  text: string;
  quote: string | null;
  speakerText: string | null;
  channel: string | null;
  saidAt: TimeSpanData | null;
  /** The speaker's id, null when there is none; undefined when the query that read it did not look. */
  speakerId?: string | null;
  /** Where it was said (a place's id), null when the text names none; undefined when not read. */
  saidInId?: string | null;
}

export interface EventData {
  __typename: 'Event';
  id: string;
  label: string;
  type: string;
  when: TimeSpanData | null;
}

export interface EvidenceData {
  documentId: string;
  start: number;
  end: number;
  excerpt: string;
}

export type NodeData = DocumentData | EntityData | StatementData | EventData;

export interface Page<T> {
  items: { cursor: string; node: T }[];
  hasNextPage: boolean;
  totalCount: number;
}
