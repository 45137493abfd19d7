/**
 * Hand-built documents and extractions for API and graph tests, independent of the language
 * pipeline's quality. Names here are invented.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { PreparedDocument } from '../../src/ingest/types';
import type { EntityRecord, EventRecord, Extraction, StatementRecord, TimeSpanValue } from '../../src/extract/types';

export function day(iso: string, text: string | null = null): TimeSpanValue {
  return { edtf: iso, earliest: `${iso}T00:00:00.000Z`, latest: `${iso}T23:59:59.999Z`, text };
}

export function preparedDoc(text: string, over: Partial<PreparedDocument> & { title?: string; published?: string | null } = {}): PreparedDocument {
  const original = new TextEncoder().encode(text + (over.identity ?? ''));
  const sha256 = createHash('sha256').update(original).digest('hex');
  return {
    path: over.path ?? `test/${randomUUID()}.txt`,
    identity: over.identity ?? `test/${sha256.slice(0, 8)}.txt`,
    sha256,
    original,
    mediaType: 'text/plain',
    text,
    furniture: [],
    meta: {
      title: over.title ?? 'A test report',
      publisher: null,
      url: null,
      published: over.published === undefined ? '2031-05-07' : over.published,
      publishedSource: 'catalog',
      language: 'en',
      source: null,
      rights: null,
      notes: null,
      extra: {},
    },
    ...over,
  } as PreparedDocument;
}

/** Finds `needle` in `text` and returns its span (throws when absent, so fixtures stay honest). */
export function spanOf(text: string, needle: string, from = 0) {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length };
}

export function entity(kind: EntityRecord['kind'], name: string, text: string, aliases: string[] = [], extra: Partial<EntityRecord> = {}): EntityRecord {
  const key = `${kind.toLowerCase()}:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const mentions = [name, ...aliases].filter((n) => text.includes(n)).map((n) => ({ ...spanOf(text, n), text: n }));
  return { key, kind, name, aliases, mentions, ...extra };
}

export function statement(text: string, s: Partial<StatementRecord> & { quote?: string | null; said: string }): StatementRecord {
  const evidence = spanOf(text, s.said);
  return {
    key: s.key ?? `stmt:${(s.speakerKey ?? '')}:${(s.quote ?? s.said).toLowerCase()}`,
    kind: s.kind ?? (s.quote ? 'QUOTE' : 'REPORTED'),
    text: s.text ?? s.quote ?? s.said,
    quote: s.quote ?? null,
    speakerKey: s.speakerKey ?? null,
    speakerText: s.speakerText ?? null,
    channel: s.channel ?? null,
    saidAt: s.saidAt ?? null,
    saidInKey: s.saidInKey ?? null,
    aboutKeys: s.aboutKeys ?? [],
    evidence,
    claims: s.claims,
  };
}

export function event(text: string, e: Partial<EventRecord> & { said: string; type: string }): EventRecord {
  return {
    key: e.key ?? `event:${e.type}:${e.said.toLowerCase()}`,
    label: e.label ?? e.said,
    type: e.type,
    when: e.when ?? null,
    placeKeys: e.placeKeys ?? [],
    participantKeys: e.participantKeys ?? [],
    evidence: spanOf(text, e.said),
  };
}

export function extraction(x: Partial<Extraction>): Extraction {
  return { sentences: [], times: [], entities: [], statements: [], events: [], contradictions: [], ...x };
}
