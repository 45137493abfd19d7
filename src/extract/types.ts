/**
 * The language pipeline's data: what each stage reads and what it adds.
 *
 * Offsets are UTF-16 code-unit indexes into the document's stored `text`
 * (what `String.prototype.slice` uses), so that `text.slice(start, end)` is the evidence.
 */

export type EntityKind = 'PERSON' | 'ORGANIZATION' | 'PLACE';
export type StatementKind = 'QUOTE' | 'REPORTED';

/** A half-open character range [start, end) in the stored text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * When something happened or was said. `earliest`/`latest` are ISO 8601 instants with offset
 * (UTC, `Z`). `certain` lists the date parts the text states ("year", "month", "day", "weekday",
 * "hour"); the rest were implied from the reference date.
 */
export interface TimeSpanValue {
  edtf: string;
  earliest: string;
  latest: string;
  text: string | null;
  certain?: string[];
}

/** A date expression found in the text. */
export interface TimeMention extends Span {
  text: string;
  span: TimeSpanValue;
}

export interface Sentence extends Span {
  /** Index of the paragraph (block separated by a blank line, or a line) it belongs to. */
  paragraph: number;
}

export interface Mention extends Span {
  text: string;
}

/**
 * One real-world referent. `key` is stable across documents and runs (derived from the authority
 * form, e.g. "person:volodymyr-zelensky"), so the graph can MERGE on it.
 */
export interface EntityRecord {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  mentions: Mention[];
  /** A role entity ("Mayor of Port Lenna") kept because the text names no person for it. */
  role?: boolean;
  wikidata?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** ISO 3166 alpha-2 code for countries; the country a place lies in. */
  country?: string | null;
}

export interface StatementRecord {
  /** Stable key: same normalized content + same speaker gives the same key across documents. */
  key: string;
  kind: StatementKind;
  text: string;
  quote: string | null;
  speakerKey: string | null;
  speakerText: string | null;
  channel: string | null;
  saidAt: TimeSpanValue | null;
  saidInKey: string | null;
  aboutKeys: string[];
  /** The passage that reports it (the sentence or quote with its attribution). */
  evidence: Span;
  /** What the statement asserts, in a normalized form the contradiction stage can compare. */
  claims?: Claim[];
}

/** A normalized assertion, used to detect contradictions across statements and documents. */
export type Claim =
  | { type: 'control'; placeKey: string; holder: string; full: boolean }
  | { type: 'count'; subject: string; since: string | null; min: number | null; max: number | null; placeKey?: string | null }
  /** Who won a contest (an election, a race): `winner` is the speaker's key for "we have won". */
  | { type: 'outcome'; contest: string; placeKey: string; winner: string }
  /** A yes/no state of something at a place ("the fire is contained" / "nothing is contained"). */
  | { type: 'status'; subject: string; placeKey: string; value: boolean };

export interface EventRecord {
  key: string;
  label: string;
  /** From the taxonomy in src/extract/README.md. */
  type: string;
  when: TimeSpanValue | null;
  placeKeys: string[];
  participantKeys: string[];
  evidence: Span;
}

export interface ContradictionRecord {
  a: string;
  b: string;
  reason: string;
}

/** A curated authority record (seeds/authorities.yaml). */
export interface AuthorityRecord {
  name: string;
  kind: EntityKind;
  aliases?: string[];
  wikidata?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** ISO 3166 alpha-2 code of the country the entity belongs to (optional). */
  country?: string | null;
}

/** Everything a stage may read besides the text. Immutable; built once per document. */
export interface ExtractContext {
  /** The document's publication date (YYYY-MM-DD), the reference for relative dates; null when unknown. */
  published: string | null;
  /** Curated authorities plus entities already in the archive, for cross-document resolution. */
  authorities: AuthorityRecord[];
  /** Known entities from earlier documents (key, kind, name, aliases), for cross-document resolution. */
  known?: Pick<EntityRecord, 'key' | 'kind' | 'name' | 'aliases'>[];
}

/** What the whole pipeline produces for one document. */
export interface Extraction {
  sentences: Sentence[];
  times: TimeMention[];
  entities: EntityRecord[];
  statements: StatementRecord[];
  events: EventRecord[];
  contradictions: ContradictionRecord[];
}
