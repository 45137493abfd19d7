/** What the ingest stage hands to the pipeline and the graph: one source file, read and cleaned. */

/** Where the publication date came from. */
export type PublishedSource = 'front-matter' | 'catalog' | 'text' | null;

export interface DocumentMeta {
  title: string;
  publisher: string | null;
  url: string | null;
  /** YYYY-MM-DD (or YYYY-MM / YYYY when only that is known); null when nothing states it. */
  published: string | null;
  publishedSource: PublishedSource;
  language: string | null;
  source: string | null;
  rights: string | null;
  notes: string | null;
  /** Every other key of the catalog record or front matter, kept as the archivist wrote it. */
  extra: Record<string, unknown>;
  /** The publication date as the text writes it ("March 2, 2022"); null unless publishedSource is 'text'. */
  publishedText?: string | null;
  /** Where the title came from ('file-name' when nothing else gave one). */
  titleSource?: TitleSource;
}

/** Where the title came from. */
export type TitleSource = 'front-matter' | 'catalog' | 'html' | 'text' | 'file-name';

export interface PreparedDocument {
  /** The path as given or found (for messages and the --json summary). */
  path: string;
  /** Catalog identity: the url when there is one, else the path relative to the ingest root. */
  identity: string;
  /** The path relative to the ingest root ("/" separators). */
  relPath?: string;
  /** sha256 (hex) of the original bytes, as received. */
  sha256: string;
  /** The original bytes, as received (stored for fixity). */
  original: Uint8Array;
  /** 'text/plain' | 'text/markdown' | 'text/html' */
  mediaType: string;
  /** The article text after boilerplate removal: what Evidence offsets index. */
  text: string;
  /** Passages separated from the article text as site furniture, with the rule that removed each. */
  furniture: { text: string; rule: string }[];
  meta: DocumentMeta;
  /** Problems that did not stop the file (front matter slips read as meant). */
  warnings?: string[];
}

/** A file that could not be ingested, with a reason a person can act on. */
export interface IngestFailure {
  path: string;
  reason: string;
}
