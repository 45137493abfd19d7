/**
 * The quality scorer: compares an archive snapshot with a gold file (the shape of the seed
 * corpus's gold annotation; the caller reads it) and computes, per category, how much of the gold the archive has.
 *
 * Matching follows the gold's "about" rules: text is lower-cased, curly quotes and apostrophes
 * made straight, whitespace collapsed. Where the gold leaves room, the choices are:
 *
 *  - A gold quote is found when some QUOTE's verbatim words contain it. Its speaker, date and
 *    channel are judged on ONE statement: the tightest match (shortest quote containing it).
 *  - A gold reported item is found when some statement's text contains the cue (preferred;
 *    REPORTED before QUOTE, shortest first), else when an evidence excerpt does. Attributes are
 *    judged on that one statement.
 *  - Speaker: one alternative occurs in the resolved speaker's name or aliases (alternatives of 3
 *    characters or fewer must equal a whole name or alias); a null gold speaker requires none.
 *  - saidOn: the span overlaps that day and is at most 2 days wide.
 *  - Channel: one alternative occurs in the statement's channel (short ones as a whole word).
 *  - Quote precision: an extracted QUOTE is right when its words contain a gold quote, lie inside
 *    one, or contain / lie inside a gold reported cue. Denominator: every QUOTE of the gold
 *    documents.
 *  - Entities: per kind, a gold group is found when an entity of that kind in that document has a
 *    name or alias matching one alternative. notEntities: no entity name or alias may contain it.
 *  - Events: some timeline item of the document whose excerpt contains the cue is dated to the
 *    date: its span overlaps the date's period and is no wider than max(2 days, the period).
 *  - Links: the tokens must occur (as names or aliases of entities of that kind) in at least two
 *    documents, and one cross-document entity (same id) must carry them in every such document.
 *  - Contradictions: some contradiction pair has one statement matching the gold 'a' cue and the
 *    other matching one 'b' cue (text, quote or excerpt).
 *
 * Pure: no I/O.
 */

export type Kind = 'PERSON' | 'ORGANIZATION' | 'PLACE';

// ------------------------------------------------------------------ gold

export interface GoldQuote {
  quote: string;
  speaker: string[] | null;
  channel?: string[];
  saidOn?: string;
}
export interface GoldReported {
  cue: string;
  speaker: string[] | null;
  channel?: string[];
  saidOn?: string;
}
export interface GoldDocument {
  file: string;
  published?: string;
  quotes?: GoldQuote[];
  reported?: GoldReported[];
  entities?: Partial<Record<Kind, string[][]>>;
  notEntities?: string[];
  events?: { cue: string; date: string }[];
}
export interface GoldFile {
  about?: string;
  documents: GoldDocument[];
  links?: { why?: string; tokens: string[]; kind: Kind }[];
  contradictions?: { why?: string; a: string; b: string[] }[];
}

// ------------------------------------------------------------------ snapshot

export interface SnapshotSpan {
  earliest: string;
  latest: string;
  edtf?: string | null;
}
export interface SnapshotEntity {
  /** Cross-document identity (graph id or key). */
  id?: string;
  kind: Kind;
  name: string;
  aliases: string[];
}
export interface SnapshotStatement {
  id?: string;
  kind: 'QUOTE' | 'REPORTED';
  text: string;
  quote: string | null;
  excerpts: string[];
  speaker: { name: string; aliases: string[] } | null;
  speakerText?: string | null;
  channel: string | null;
  saidAt: SnapshotSpan | null;
}
export interface SnapshotTimelineItem {
  label?: string;
  excerpts: string[];
  at: SnapshotSpan;
}
export interface SnapshotDocument {
  /** The document's file path (matched to gold by its last path segments). */
  file: string;
  statements: SnapshotStatement[];
  entities: SnapshotEntity[];
  timeline: SnapshotTimelineItem[];
}
export interface SnapshotStatementRef {
  text: string;
  quote: string | null;
  excerpts: string[];
}
export interface ArchiveSnapshot {
  documents: SnapshotDocument[];
  /** Cross-document entity list. */
  entities: SnapshotEntity[];
  contradictions: { a: SnapshotStatementRef; b: SnapshotStatementRef }[];
}

// ------------------------------------------------------------------ report

export interface Metric {
  name: string;
  hits: number;
  total: number;
  /** hits/total, null when total is 0. */
  value: number | null;
  target?: number;
  /** What was missed (for the verbose report). */
  misses: string[];
}
export interface ScoreReport {
  metrics: Metric[];
  documents: { file: string; metrics: Metric[] }[];
  info: Record<string, number>;
}

export const TARGETS: Record<string, number> = {
  'quotes.found': 0.95,
  'quotes.precision': 0.95,
  'quotes.speaker': 0.9,
  'statements.saidOn': 0.85,
  'statements.channel': 0.8,
  'reported.speaker': 0.8,
  'entities.all': 0.9,
  notEntities: 1,
  'events.dates': 0.8,
  links: 1,
  contradictions: 1,
};

// ------------------------------------------------------------------ helpers

export function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Gold's alternative rule for names and aliases. */
export function nameMatches(alternatives: string[], names: string[]): boolean {
  const ns = names.map(norm);
  return alternatives.some((alt) => {
    const a = norm(alt);
    return a.length <= 3 ? ns.some((n) => n === a) : ns.some((n) => n.includes(a));
  });
}

function channelMatches(alternatives: string[], channel: string | null): boolean {
  if (!channel) return false;
  const c = norm(channel);
  return alternatives.some((alt) => {
    const a = norm(alt);
    return a.length <= 3 ? new RegExp(`(?:^|\\W)${escapeRe(a)}(?:\\W|$)`).test(c) : c.includes(a);
  });
}

const DAY = 86_400_000;

/** The period a gold date names: YYYY, YYYY-MM or YYYY-MM-DD. */
export function period(date: string): [number, number] {
  const [y, m, d] = date.split('-').map(Number);
  if (d) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1) - 1];
  if (m) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1) - 1];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1) - 1];
}

/** A span is dated to a gold date: it overlaps the period and is no wider than max(2 days, period). */
export function datedTo(span: SnapshotSpan | null, date: string): boolean {
  if (!span) return false;
  const e = Date.parse(span.earliest);
  const l = Date.parse(span.latest);
  if (!Number.isFinite(e) || !Number.isFinite(l)) return false;
  const [ps, pe] = period(date);
  if (l < ps || e > pe) return false;
  return l - e <= Math.max(2 * DAY, pe - ps + 1);
}

function metric(name: string, hits: number, total: number, misses: string[]): Metric {
  const m: Metric = { name, hits, total, value: total ? hits / total : null, misses };
  if (TARGETS[name] !== undefined) m.target = TARGETS[name];
  return m;
}

function sameFile(a: string, b: string): boolean {
  const pa = a.replace(/\\/g, '/').split('/');
  const pb = b.replace(/\\/g, '/').split('/');
  return pa[pa.length - 1] === pb[pb.length - 1];
}

function speakerOk(gold: string[] | null, st: SnapshotStatement): boolean {
  if (gold === null) return st.speaker === null;
  if (!st.speaker) return false;
  return nameMatches(gold, [st.speaker.name, ...st.speaker.aliases]);
}

function bestQuote(statements: SnapshotStatement[], quote: string): SnapshotStatement | null {
  const q = norm(quote);
  const hits = statements.filter((s) => s.kind === 'QUOTE' && s.quote !== null && norm(s.quote).includes(q));
  hits.sort((a, b) => (a.quote?.length ?? 0) - (b.quote?.length ?? 0));
  return hits[0] ?? null;
}

function bestReported(statements: SnapshotStatement[], cue: string): SnapshotStatement | null {
  const c = norm(cue);
  const byText = statements.filter((s) => norm(s.text).includes(c));
  const pool = byText.length ? byText : statements.filter((s) => s.excerpts.some((x) => norm(x).includes(c)));
  pool.sort((a, b) => (a.kind === b.kind ? a.text.length - b.text.length : a.kind === 'REPORTED' ? -1 : 1));
  return pool[0] ?? null;
}

function refMatches(ref: SnapshotStatementRef, cue: string): boolean {
  const c = norm(cue);
  return norm(ref.text).includes(c) || (ref.quote !== null && norm(ref.quote).includes(c)) || ref.excerpts.some((x) => norm(x).includes(c));
}

// ------------------------------------------------------------------ scoring

/** Score a snapshot against gold. */
export function score(gold: GoldFile, snapshot: ArchiveSnapshot): ScoreReport {
  const acc = new Map<string, { hits: number; total: number; misses: string[] }>();
  const documents: ScoreReport['documents'] = [];
  const count = (name: string, ok: boolean, miss: string, local: Map<string, { hits: number; total: number; misses: string[] }>) => {
    for (const m of [acc, local]) {
      const x = m.get(name) ?? { hits: 0, total: 0, misses: [] };
      x.total++;
      if (ok) x.hits++;
      else x.misses.push(miss);
      m.set(name, x);
    }
  };
  let extractedQuotes = 0;
  for (const gd of gold.documents) {
    const local = new Map<string, { hits: number; total: number; misses: string[] }>();
    const sd = snapshot.documents.find((d) => sameFile(d.file, gd.file)) ?? { file: gd.file, statements: [], entities: [], timeline: [] };
    const tag = (s: string) => `${gd.file.split('/').pop()}: ${s}`;
    for (const q of gd.quotes ?? []) {
      const st = bestQuote(sd.statements, q.quote);
      count('quotes.found', !!st, tag(q.quote), local);
      const who = st ? (st.speaker ? st.speaker.name : 'none') : 'not found';
      count('quotes.speaker', !!st && speakerOk(q.speaker, st), tag(`${q.quote} → ${who} (want ${q.speaker?.join('|') ?? 'none'})`), local);
      if (q.saidOn) count('statements.saidOn', !!st && datedTo(st.saidAt, q.saidOn), tag(`${q.quote} → ${st?.saidAt?.edtf ?? st?.saidAt?.earliest ?? 'none'} (want ${q.saidOn})`), local);
      if (q.channel) count('statements.channel', !!st && channelMatches(q.channel, st.channel), tag(`${q.quote} → ${st?.channel ?? 'none'} (want ${q.channel.join('|')})`), local);
    }
    for (const r of gd.reported ?? []) {
      const st = bestReported(sd.statements, r.cue);
      count('reported.found', !!st, tag(r.cue), local);
      const who = st ? (st.speaker ? st.speaker.name : 'none') : 'not found';
      count('reported.speaker', !!st && speakerOk(r.speaker, st), tag(`${r.cue} → ${who} (want ${r.speaker?.join('|') ?? 'none'})`), local);
      if (r.saidOn) count('statements.saidOn', !!st && datedTo(st.saidAt, r.saidOn), tag(`${r.cue} → ${st?.saidAt?.edtf ?? st?.saidAt?.earliest ?? 'none'} (want ${r.saidOn})`), local);
      if (r.channel) count('statements.channel', !!st && channelMatches(r.channel, st.channel), tag(`${r.cue} → ${st?.channel ?? 'none'} (want ${r.channel.join('|')})`), local);
    }
    // Quote precision.
    const goldQuotes = (gd.quotes ?? []).map((q) => norm(q.quote));
    const cues = (gd.reported ?? []).map((r) => norm(r.cue));
    for (const s of sd.statements) {
      if (s.kind !== 'QUOTE' || s.quote === null) continue;
      extractedQuotes++;
      const w = norm(s.quote);
      const ok = goldQuotes.some((g) => w.includes(g) || g.includes(w)) || cues.some((c) => w.includes(c) || c.includes(w));
      count('quotes.precision', ok, tag(`extra quote: ${s.quote}`), local);
    }
    // Entities.
    for (const kind of ['PERSON', 'ORGANIZATION', 'PLACE'] as Kind[]) {
      for (const group of gd.entities?.[kind] ?? []) {
        const ok = sd.entities.some((e) => e.kind === kind && nameMatches(group, [e.name, ...e.aliases]));
        count(`entities.${kind}`, ok, tag(`${kind} ${group.join('|')}`), local);
        count('entities.all', ok, tag(`${kind} ${group.join('|')}`), local);
      }
    }
    for (const bad of gd.notEntities ?? []) {
      const b = norm(bad);
      const hit = sd.entities.find((e) => [e.name, ...e.aliases].some((n) => norm(n).includes(b)));
      count('notEntities', !hit, tag(`${bad} became ${hit?.kind} ${hit?.name}`), local);
    }
    for (const ev of gd.events ?? []) {
      const c = norm(ev.cue);
      const items = sd.timeline.filter((t) => t.excerpts.some((x) => norm(x).includes(c)));
      const ok = items.some((t) => datedTo(t.at, ev.date));
      count('events.dates', ok, tag(`${ev.cue} → ${items.map((t) => t.at.edtf ?? t.at.earliest).join(', ') || 'no item'} (want ${ev.date})`), local);
    }
    documents.push({ file: gd.file, metrics: [...local.entries()].map(([n, x]) => metric(n, x.hits, x.total, x.misses)) });
  }
  // Links across documents.
  for (const link of gold.links ?? []) {
    const matched: { doc: string; id: string | undefined }[] = [];
    for (const d of snapshot.documents) {
      for (const e of d.entities) if (e.kind === link.kind && nameMatches(link.tokens, [e.name, ...e.aliases])) matched.push({ doc: d.file, id: e.id });
    }
    // One entity must be found under these names in every document where any of them occurs.
    const docs = new Set(matched.map((m) => m.doc));
    const ids = new Set(matched.map((m) => m.id ?? `?${m.doc}`));
    const covering = [...ids].filter((id) => [...docs].every((d) => matched.some((m) => m.doc === d && (m.id ?? `?${m.doc}`) === id)));
    const ok = docs.size >= 2 && covering.length > 0;
    count('links', ok, `${link.tokens.join('|')}: ${docs.size} documents, no entity in all of them (${[...ids].join(', ')})`, new Map());
  }
  for (const c of gold.contradictions ?? []) {
    const ok = snapshot.contradictions.some(
      (p) => (refMatches(p.a, c.a) && c.b.some((b) => refMatches(p.b, b))) || (refMatches(p.b, c.a) && c.b.some((b) => refMatches(p.a, b))),
    );
    count('contradictions', ok, c.why ?? c.a, new Map());
  }
  const order = [
    'quotes.found', 'quotes.precision', 'quotes.speaker', 'statements.saidOn', 'statements.channel', 'reported.found',
    'reported.speaker', 'entities.PERSON', 'entities.ORGANIZATION', 'entities.PLACE', 'entities.all', 'notEntities',
    'events.dates', 'links', 'contradictions',
  ];
  const metrics = [...acc.entries()]
    .map(([n, x]) => metric(n, x.hits, x.total, x.misses))
    .sort((a, b) => (order.indexOf(a.name) + 1 || 99) - (order.indexOf(b.name) + 1 || 99));
  const pairs = new Set(snapshot.contradictions.map((p) => [norm(p.a.text), norm(p.b.text)].sort().join('|')));
  return { metrics, documents, info: { extractedQuotes, contradictionPairs: pairs.size, documents: snapshot.documents.length } };
}

/** The report as a plain-text table; `verbose` lists misses under each line. */
export function formatReport(report: ScoreReport, opts: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  const pad = (s: string, n: number) => s.padEnd(n);
  lines.push(`${pad('metric', 22)} ${pad('hits/total', 11)} ${pad('value', 7)} ${pad('target', 7)} ok`);
  lines.push('-'.repeat(56));
  for (const m of report.metrics) {
    const v = m.value === null ? '—' : m.value.toFixed(2);
    const t = m.target === undefined ? '' : m.target.toFixed(2);
    const ok = m.target === undefined || m.value === null ? '' : m.value >= m.target ? 'yes' : 'NO';
    lines.push(`${pad(m.name, 22)} ${pad(`${m.hits}/${m.total}`, 11)} ${pad(v, 7)} ${pad(t, 7)} ${ok}`);
    if (opts.verbose) for (const x of m.misses) lines.push(`    - ${x}`);
  }
  const info = Object.entries(report.info)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  if (info) lines.push('', info);
  return lines.join('\n');
}
