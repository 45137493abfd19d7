/**
 * Events: what happened, typed from the taxonomy in ./taxonomy.ts, dated from the time mentions of
 * the clause that reports it, placed and peopled from the entities of its sentence.
 *
 * Trigger words come from the taxonomy as lemmas; compromise inflects them once (lazily, on first
 * use) into a surface-form index, so that reading a document is a few map lookups per word rather
 * than a full NLP parse. Context rules then drop what is not a reported happening: adjectival uses
 * ("the jailed leader"), hypotheticals ("would use sanctions", "vowed to arrest"), negations
 * ("has not attacked") and proper names ("Shell").
 *
 * Everything here is a pure function of its arguments (the index is a cache of constant data).
 */
import { createHash } from 'node:crypto';
import nlp from 'compromise';
import {
  EVENT_TYPES,
  IRREALIS_GOVERNORS,
  IRREALIS_MODALS,
  NEGATIONS,
  SPEECH_VERB_LEMMAS,
  type EventType,
  type VerbForm,
} from './taxonomy.js';
import { lexTags } from './lexicon.js';
import type { EntityRecord, EventRecord, ExtractContext, Sentence, Span, TimeMention, TimeSpanValue } from './types.js';

// ---------------------------------------------------------------------------------------------
// The trigger index, built once from the taxonomy with compromise

interface Inflection {
  lemma: string;
  pos: 'verb' | 'noun';
  form: VerbForm | 'singular' | 'plural';
}

interface SingleTrigger extends Inflection {
  type: string;
}

interface Phrase {
  type: string;
  /** A multi-word noun ("death toll") rather than a verb phrase ("claim control"). */
  nominal: boolean;
  /** Each slot: the lemmas it accepts, and how many words may come before it (0 for the first). */
  slots: { lemmas: Set<string>; gap: number }[];
  text: string;
}

interface TriggerIndex {
  /** Surface form → single-word triggers. */
  single: Map<string, SingleTrigger[]>;
  /** Surface form → lemmas, for every word that appears in a phrase or as a governor. */
  lemmas: Map<string, Set<string>>;
  /** Phrases by the lemmas of their first slot. */
  phrases: Map<string, Phrase[]>;
  types: Map<string, EventType>;
}

interface ConjugateMethods {
  two?: {
    transform?: {
      verb?: { conjugate?: (verb: string, model: unknown) => Record<string, string> };
      noun?: { toPlural?: (noun: string, model: unknown) => string };
    };
  };
}

function conjugate(verb: string): Record<string, string> {
  const methods = (nlp as unknown as { methods?: () => ConjugateMethods }).methods?.();
  const model = (nlp as unknown as { model?: () => unknown }).model?.();
  const fn = methods?.two?.transform?.verb?.conjugate;
  if (fn && model) return fn(verb, model);
  const doc = nlp(verb).tag('Infinitive') as unknown as { verbs(): { conjugate(): Record<string, string>[] } };
  return doc.verbs().conjugate()[0] ?? { Infinitive: verb };
}

function pluralize(noun: string): string {
  if (/s$/.test(noun)) return noun;
  const methods = (nlp as unknown as { methods?: () => ConjugateMethods }).methods?.();
  const model = (nlp as unknown as { model?: () => unknown }).model?.();
  const fn = methods?.two?.transform?.noun?.toPlural;
  if (fn && model) return fn(noun, model);
  const doc = nlp(noun).tag('Singular') as unknown as { nouns(): { toPlural(): { text(): string } } };
  return doc.nouns().toPlural().text() || `${noun}s`;
}

function verbInflections(lemma: string): { surface: string; form: VerbForm }[] {
  const c = conjugate(lemma);
  const out: { surface: string; form: VerbForm }[] = [{ surface: lemma, form: 'base' }];
  if (c.PresentTense) out.push({ surface: c.PresentTense, form: 'present' });
  if (c.PastTense) out.push({ surface: c.PastTense, form: 'past' });
  out.push({ surface: c.Participle || c.PastTense || lemma, form: 'participle' });
  if (c.Gerund) out.push({ surface: c.Gerund, form: 'gerund' });
  return out.map((x) => ({ surface: x.surface.toLowerCase(), form: x.form }));
}

function nounInflections(lemma: string): { surface: string; form: 'singular' | 'plural' }[] {
  return [
    { surface: lemma, form: 'singular' },
    { surface: pluralize(lemma).toLowerCase(), form: 'plural' },
  ];
}

function addLemma(map: Map<string, Set<string>>, surface: string, lemma: string): void {
  let set = map.get(surface);
  if (!set) map.set(surface, (set = new Set()));
  set.add(lemma);
}

/** Every form of a word, as verb and as noun (for phrase slots and governors). */
function indexWord(map: Map<string, Set<string>>, lemma: string): void {
  addLemma(map, lemma, lemma);
  if (/^[a-z]+$/.test(lemma)) {
    for (const v of verbInflections(lemma)) addLemma(map, v.surface, lemma);
    for (const n of nounInflections(lemma)) addLemma(map, n.surface, lemma);
  }
}

function parsePhrase(type: string, text: string, nominal: boolean): Phrase {
  const slots: Phrase['slots'] = [];
  let gap = 0;
  for (const part of text.trim().split(/\s+/)) {
    if (part === '*') {
      gap = 3;
      continue;
    }
    slots.push({ lemmas: new Set(part.split('|')), gap });
    gap = 0;
  }
  return { type, nominal, slots, text };
}

let index: TriggerIndex | null = null;

function triggerIndex(): TriggerIndex {
  if (index) return index;
  const single = new Map<string, SingleTrigger[]>();
  const lemmas = new Map<string, Set<string>>();
  const phrases = new Map<string, Phrase[]>();
  const add = (surface: string, t: SingleTrigger) => {
    const list = single.get(surface) ?? [];
    if (!list.some((x) => x.type === t.type && x.lemma === t.lemma && x.pos === t.pos && x.form === t.form)) list.push(t);
    single.set(surface, list);
  };
  const addPhrase = (p: Phrase) => {
    for (const slot of p.slots) for (const l of slot.lemmas) indexWord(lemmas, l);
    for (const l of p.slots[0].lemmas) {
      const list = phrases.get(l) ?? [];
      list.push(p);
      phrases.set(l, list);
    }
  };
  for (const t of EVENT_TYPES) {
    for (const v of t.verbs) {
      const allowed = t.verbForms?.[v];
      for (const f of verbInflections(v)) {
        if (allowed && !allowed.includes(f.form)) continue;
        add(f.surface, { type: t.type, lemma: v, pos: 'verb', form: f.form });
      }
    }
    for (const n of t.nouns) {
      if (/\s/.test(n)) {
        // A multi-word noun is a phrase whose last word may be plural.
        addPhrase(parsePhrase(t.type, n, true));
        continue;
      }
      for (const f of nounInflections(n)) add(f.surface, { type: t.type, lemma: n, pos: 'noun', form: f.form });
    }
    for (const p of t.phrases) addPhrase(parsePhrase(t.type, p, false));
  }
  for (const g of IRREALIS_GOVERNORS) indexWord(lemmas, g);
  for (const g of SPEECH_VERB_LEMMAS) indexWord(lemmas, g);
  for (const t of EVENT_TYPES) {
    for (const list of Object.values(t.needsAgent ?? {})) for (const w of list) indexWord(lemmas, w);
    for (const list of Object.values(t.notBefore ?? {})) for (const w of list) indexWord(lemmas, w);
  }
  index = { single, lemmas, phrases, types: new Map(EVENT_TYPES.map((t) => [t.type, t])) };
  return index;
}

// ---------------------------------------------------------------------------------------------
// Tokens and clauses

interface Token extends Span {
  /** Lower case, straight apostrophes, possessive "'s" removed. */
  norm: string;
  raw: string;
}

const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(TOKEN_RE)) {
    const raw = m[0];
    // "U.S." stays whole; "fled." loses nothing (the period is not part of the match).
    const norm = raw.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
    const start = from + (m.index ?? 0);
    if (/n't$/.test(norm) && norm.length > 3) {
      out.push({ start, end: start + raw.length - 3, norm: norm.slice(0, -3), raw: raw.slice(0, -3) });
      out.push({ start: start + raw.length - 3, end: start + raw.length, norm: "n't", raw: raw.slice(-3) });
      continue;
    }
    out.push({ start, end: start + raw.length, norm, raw });
  }
  return out;
}

const CLAUSE_BREAK_RE =
  /\s*[;:]\s+|\s+[–—]\s+|\s+--?\s+|\s*[“”"(),]\s*(?=(?:while|whereas|but|though|although|as|after|before|since|until|which|who|whom|whose|where|when|and|or|making|leaving|killing|hours|days|including)\b)|,\s+/g;

/** Clause spans of a sentence (absolute offsets); a break never falls inside a time mention. */
function clauses(text: string, sentence: Span, times: TimeMention[]): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: Span[] = [];
  let start = sentence.start;
  CLAUSE_BREAK_RE.lastIndex = 0;
  for (const m of body.matchAll(CLAUSE_BREAK_RE)) {
    const at = sentence.start + (m.index ?? 0);
    if (times.some((t) => t.start < at && at < t.end)) continue;
    if (at > start) out.push({ start, end: at });
    start = at + m[0].length;
  }
  if (start < sentence.end) out.push({ start, end: sentence.end });
  return out.length ? out : [sentence];
}

const SUBORDINATE_START_RE =
  /^[\s"“‘'(]*(?:after|before|since|until|which|who|whom|whose|where|although|though|while|whereas|but|because|if|unless|when)\b/i;
const RELATIVE_START_RE = /^[\s"“‘'(]*(?:which|who|whom|whose|where|that)\b/i;

// ---------------------------------------------------------------------------------------------
// Triggers in context

const DETERMINERS = new Set([
  'a', 'an', 'the', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'every',
  'each', 'any', 'some',
]);
const VERB_CONTEXT = new Set([
  'to', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'they', 'we', 'i', 'you', 'he', 'she',
  'it', 'did', 'does', 'do', 'not', "n't",
]);
const MODALS = new Set(IRREALIS_MODALS);
const NEGATION = new Set(NEGATIONS);
const GOVERNORS = new Set(IRREALIS_GOVERNORS);
const LINKERS = new Set(['to', 'for', 'of', 'with']);

interface Hit {
  type: string;
  /** The trigger is a noun (or a phrase starting with one). */
  nominal: boolean;
  /** First and last token of the trigger. */
  first: number;
  last: number;
}

function isProperNoun(tokens: Token[], i: number, text: string): boolean {
  const raw = tokens[i].raw;
  if (!/^\p{Lu}/u.test(raw)) return false;
  if (i === 0) return false;
  const before = text.slice(tokens[i - 1].end, tokens[i].start);
  return !/[:“"‘(—–]/.test(before);
}

function insideEntity(tok: Token, entitySpans: Span[]): boolean {
  return entitySpans.some((s) => tok.start >= s.start && tok.end <= s.end);
}

/** Whether the trigger starting at token `i` is hypothetical or denied in its clause. */
function irrealis(tokens: Token[], i: number, clauseStart: number, idx: TriggerIndex): boolean {
  const from = Math.max(0, i - 5);
  for (let j = i - 1; j >= from && tokens[j].start >= clauseStart; j--) {
    const w = tokens[j].norm;
    if (MODALS.has(w)) return true;
    if ((w === 'not' || w === "n't" || w === 'never') && i - j <= 3) return true;
    if ((w === 'no' || w === 'without') && i - j <= 2) return true;
    if (NEGATION.has(w) && i - j <= 1) return true;
  }
  // "vowed to arrest", "called Wednesday for protests", "the threat of sanctions"
  for (let j = i - 1; j >= Math.max(0, i - 3) && tokens[j].start >= clauseStart; j--) {
    if (!LINKERS.has(tokens[j].norm)) continue;
    for (let k = j - 1; k >= Math.max(0, j - 3) && tokens[k].start >= clauseStart; k--) {
      const lemmas = idx.lemmas.get(tokens[k].norm);
      if (lemmas && [...lemmas].some((l) => GOVERNORS.has(l))) return true;
    }
    break;
  }
  return false;
}

const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'be', 'is', 'are', 'got', 'get', 'gets']);

function lemmaMatch(tok: Token, words: string[], idx: TriggerIndex): boolean {
  if (words.includes(tok.norm)) return true;
  const lemmas = idx.lemmas.get(tok.norm);
  return !!lemmas && words.some((w) => lemmas.has(w));
}

/** One of `words` (as lemma) among the two tokens after token i. */
function followedBy(tokens: Token[], i: number, words: string[], idx: TriggerIndex): boolean {
  for (let j = i + 1; j <= Math.min(tokens.length - 1, i + 2); j++) if (lemmaMatch(tokens[j], words, idx)) return true;
  return false;
}

/** One of `words` (as lemma) among the four tokens before token i. */
function precededBy(tokens: Token[], i: number, words: string[], idx: TriggerIndex): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) if (lemmaMatch(tokens[j], words, idx)) return true;
  return false;
}

const LABOR_DURATION_RE = /^(?:\d+|one|two|three|four|five|six|seven|24|48|72)-(?:hour|day|week|month)$/;
const AFTER_PREPOSITION = new Set(['in', 'of', 'for', 'from', 'with', 'at', 'into', 'about', 'under']);

function singleHits(tokens: Token[], text: string, entitySpans: Span[], idx: TriggerIndex): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const candidates = idx.single.get(tok.norm);
    if (!candidates) continue;
    if (isProperNoun(tokens, i, text) || insideEntity(tok, entitySpans)) continue;
    const prev = i > 0 ? tokens[i - 1].norm : '';
    for (const c of candidates) {
      const type = idx.types.get(c.type);
      if (type?.notAfterAny?.includes(prev)) continue;
      // A strike by workers ("a 48-hour strike", "a rail strike") is a protest, not an attack.
      if (c.type === 'attack' && c.lemma === 'strike' && (LABOR_DURATION_RE.test(prev) || type?.notAfter?.strike?.includes(prev))) {
        if (!hits.some((h) => h.first === i && h.type === 'protest')) hits.push({ type: 'protest', nominal: true, first: i, last: i });
        continue;
      }
      if (type?.notAfter?.[c.lemma]?.includes(prev)) continue;
      // A verb form right after a preposition is a noun ("in storm shelters").
      if (c.pos === 'verb' && c.form !== 'gerund' && AFTER_PREPOSITION.has(prev) && !candidates.some((o) => o.type === c.type && o.pos === 'noun')) continue;
      const notBefore = type?.notBefore?.[c.lemma];
      if (notBefore && followedBy(tokens, i, notBefore, idx)) continue;
      const agents = c.pos === 'verb' ? type?.needsAgent?.[c.lemma] : undefined;
      if (agents && !PASSIVE_AUX.has(prev) && !precededBy(tokens, i, agents, idx)) continue;
      const sameTypeOtherPos = candidates.some((o) => o.type === c.type && o.pos !== c.pos);
      if (!sameTypeOtherPos) {
        // A verb after a determiner is an adjective or noun ("the jailed leader", "a land corridor").
        if (c.pos === 'verb' && DETERMINERS.has(prev)) continue;
        // A noun after "to", a modal or a pronoun is a verb ("to address the issue").
        if (c.pos === 'noun' && VERB_CONTEXT.has(prev)) continue;
      }
      const known = hits.find((h) => h.first === i && h.type === c.type);
      if (!known) hits.push({ type: c.type, nominal: c.pos === 'noun', first: i, last: i });
      else if (c.pos === 'verb') known.nominal = false;
    }
  }
  return hits;
}

function phraseHits(tokens: Token[], text: string, entitySpans: Span[], idx: TriggerIndex): Hit[] {
  const hits: Hit[] = [];
  const lemmasAt = (i: number) => idx.lemmas.get(tokens[i].norm);
  for (let i = 0; i < tokens.length; i++) {
    const first = lemmasAt(i);
    if (!first) continue;
    const seen = new Set<Phrase>();
    for (const l of first) {
      for (const p of idx.phrases.get(l) ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        if (insideEntity(tokens[i], entitySpans) && !/^\p{Lu}/u.test(p.text)) {
          // a phrase starting inside a name ("Shell") is the name, not the phrase
          continue;
        }
        let pos = i;
        let ok = true;
        for (let s = 1; s < p.slots.length && ok; s++) {
          const slot = p.slots[s];
          ok = false;
          for (let j = pos + 1; j <= Math.min(tokens.length - 1, pos + 1 + slot.gap); j++) {
            const ls = lemmasAt(j);
            if (ls && [...ls].some((x) => slot.lemmas.has(x))) {
              pos = j;
              ok = true;
              break;
            }
          }
        }
        if (ok) hits.push({ type: p.type, nominal: p.nominal, first: i, last: pos });
      }
    }
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Dating, labelling, keys

function distance(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

function nearestTime(candidates: TimeMention[], trigger: Span): TimeMention | null {
  if (!candidates.length) return null;
  const factual = candidates.filter((t) => !(t as { attachedToSpeech?: boolean }).attachedToSpeech);
  const pool = factual.length ? factual : candidates;
  let best = pool[0];
  for (const t of pool) if (distance(t, trigger) < distance(best, trigger)) best = t;
  return best;
}

/**
 * The time of the clause reporting the trigger; else, for a verb in a clause continuing the
 * sentence ("…, making it the first city to fall"), the time of the nearest earlier clause that is
 * not a relative clause; else the date of a short trailing attribution ("…, officials said
 * Monday"); else null.
 */
function whenFor(
  trigger: Span,
  nominal: boolean,
  clauseList: Span[],
  clauseAt: number,
  times: TimeMention[],
  text: string,
): TimeSpanValue | null {
  const inSpan = (s: Span) => times.filter((t) => t.start >= s.start && t.end <= s.end);
  const own = nearestTime(inSpan(clauseList[clauseAt]), trigger);
  if (own) return own.span;
  // A noun names an event ("news of the invasion") more often than it reports one: it does not
  // inherit from earlier clauses.
  const clause = clauseList[clauseAt];
  if (!nominal && !SUBORDINATE_START_RE.test(text.slice(clause.start, clause.end))) {
    for (let c = clauseAt - 1; c >= 0; c--) {
      const body = text.slice(clauseList[c].start, clauseList[c].end);
      if (RELATIVE_START_RE.test(body)) continue;
      const t = nearestTime(inSpan(clauseList[c]), trigger);
      if (t) return t.span;
    }
  }
  // A trailing attribution dates the report ("…, officials said Monday").
  for (let c = clauseAt + 1; c < clauseList.length; c++) {
    const found = inSpan(clauseList[c]);
    if (!found.length) continue;
    const speech = found.find((t) => (t as { attachedToSpeech?: boolean }).attachedToSpeech);
    return speech && clauseList[c].end - clauseList[c].start <= 80 ? speech.span : null;
  }
  return null;
}

const LEAD_TRIM_RE =
  /^[\s"“”‘’'(–—-]*(?:(?:and|but|while|whereas|though|although|as|yet|so|then|which|where|who|that)\s+)?/i;
const SUBJECTLESS_RE = /^[\s"“‘'(]*(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should)\b/i;
const APPOSITIVE_RE = /^[\s"“‘'(]*(?:a|an|including|like|such as|once|now)\b/i;

/**
 * A short human label: the trigger's clause, trimmed to about 100 characters. A clause that lost its
 * subject to an appositive ("Port Lenna, a city of 500,000, is encircled") gets it back.
 */
function labelFor(text: string, clauseList: Span[], clauseAt: number): string {
  const clause = clauseList[clauseAt];
  let s = text.slice(clause.start, clause.end).replace(/\s+/g, ' ');
  if (SUBJECTLESS_RE.test(s)) {
    for (let c = clauseAt - 1; c >= 0; c--) {
      const prev = text.slice(clauseList[c].start, clauseList[c].end).replace(/\s+/g, ' ').trim();
      if (APPOSITIVE_RE.test(prev)) continue;
      if (prev.length <= 60) s = `${prev} ${s.trim()}`;
      break;
    }
  }
  s = s.replace(LEAD_TRIM_RE, '').replace(/[\s,;:.–—-]+$/, '').replace(/^["“”‘’']+|["“”‘’']+$/g, '');
  if (s.length > 100) {
    const cut = s.slice(0, 100);
    const space = cut.lastIndexOf(' ');
    s = `${(space > 60 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
  }
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Stable event key. An event with a date and at least one place is identified by type, date and
 * places, so that two documents reporting it merge; otherwise the normalized label is part of the
 * identity too (an undated "people fled" must not swallow every other flight).
 */
export function eventKey(type: string, when: TimeSpanValue | null, placeKeys: string[], label: string): string {
  const places = [...placeKeys].sort().join(',');
  const generic = type === DATED_EVENT_TYPE;
  const basis = [type, when?.edtf ?? '', places, when && placeKeys.length && !generic ? '' : normalizeLabel(label)].join('|');
  return `event:${type}:${createHash('sha1').update(basis).digest('hex').slice(0, 16)}`;
}

// ---------------------------------------------------------------------------------------------

function mentionsIn(entities: EntityRecord[], span: Span, kinds: EntityRecord['kind'][]): string[] {
  const keys = new Set<string>();
  for (const e of entities) {
    if (!kinds.includes(e.kind)) continue;
    if (e.mentions.some((m) => m.start >= span.start && m.end <= span.end)) keys.add(e.key);
  }
  return [...keys].sort();
}

interface Draft {
  type: string;
  when: TimeSpanValue | null;
  clauseAt: number;
}

/** The type of a dated happening that no trigger of the taxonomy names. */
export const DATED_EVENT_TYPE = 'occurrence';

const TIME_AUX = new Set(['will', 'shall', "'ll"]);

const VERB_TAGS = new Set(['Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Participle', 'Gerund', 'Copula', 'Auxiliary', 'Modal']);

/** A word that can be the verb of a clause (compromise's lexicon, or a past/participle ending). */
function isVerbLike(tok: Token): boolean {
  if (/^\p{Lu}/u.test(tok.raw) && tok.raw !== tok.raw.toUpperCase()) return false;
  if (/[a-z](?:ed|en)$/.test(tok.norm)) return true;
  return lexTags(tok.norm).some((t) => VERB_TAGS.has(t));
}

const REPORT_LEMMAS = new Set(SPEECH_VERB_LEMMAS);

/** Whether two reporting verbs come before the time mention in the sentence (a report inside a report). */
function nestedReport(tokens: Token[], t: Span, idx: TriggerIndex): boolean {
  let n = 0;
  for (const k of tokens) {
    if (k.start >= t.start) break;
    const ls = idx.lemmas.get(k.norm);
    if (REPORT_LEMMAS.has(k.norm) || (ls && [...ls].some((l) => REPORT_LEMMAS.has(l)))) n++;
  }
  return n >= 2;
}

/**
 * Dated clauses no typed event accounts for: a clause that dates what it reports ("the bridge was
 * shut on March 3", "it was last inspected in 2019") is a happening on the timeline even when the
 * taxonomy has no word for it. One `occurrence` per date of the sentence not already used by a
 * typed event, from the clause holding the date; not for a date of a speech act ("said on
 * Tuesday", which dates a statement), a clause that is only the date, or a hypothetical or denied
 * clause.
 */
function datedClauses(text: string, tokens: Token[], clauseList: Span[], sentenceTimes: TimeMention[], drafts: Draft[], idx: TriggerIndex): Draft[] {
  const out: Draft[] = [];
  if (tokens.length < 4) return out;
  for (const t of sentenceTimes) {
    // A date of the reporting act dates a statement, not an event; a speech act reported inside
    // another report ("told the court that X had warned him in 2018") is a happening of its own.
    if ((t as { attachedToSpeech?: boolean }).attachedToSpeech && !nestedReport(tokens, t, idx)) continue;
    if ([...drafts, ...out].some((d) => d.when && d.when.edtf === t.span.edtf)) continue;
    let clauseAt = clauseList.findIndex((c) => t.start >= c.start && t.start < c.end);
    if (clauseAt < 0) clauseAt = 0;
    const clause = clauseList[clauseAt];
    // The words of the clause besides the date itself: a bare date ("Updated 6:45 p.m.") is no event.
    const words = tokens.filter((k) => k.start >= clause.start && k.end <= clause.end && (k.end <= t.start || k.start >= t.end));
    if (words.length < 2 || !words.some(isVerbLike)) continue;
    const first = tokens.findIndex((k) => k.start >= t.start);
    if (first >= 0 && irrealis(tokens, first, clause.start, idx) && !tokens.slice(Math.max(0, first - 5), first).some((k) => TIME_AUX.has(k.norm))) continue;
    out.push({ type: DATED_EVENT_TYPE, when: t.span, clauseAt });
  }
  return out;
}

/** Quotations of at most six words in a sentence. */
function shortQuotes(text: string, sentence: Span): Span[] {
  const out: Span[] = [];
  for (const m of text.slice(sentence.start, sentence.end).matchAll(/[“"]([^“”"]{1,80})[”"]/g)) {
    if (m[1].trim().split(/\s+/).length <= 6) out.push({ start: sentence.start + m.index!, end: sentence.start + m.index! + m[0].length });
  }
  return out;
}

/**
 * Events reported in `text`, one per type and sentence unless the sentence dates two of the same
 * type differently ("a strike hit X on Tuesday, while Y was hit on Wednesday" gives two attacks).
 * `when` comes from the time mentions of the reporting clause and is null when none dates it;
 * places and participants are the PLACE and PERSON/ORGANIZATION entities mentioned in the
 * sentence; evidence is the sentence.
 */
export function typeEvents(
  text: string,
  sentences: Sentence[],
  times: TimeMention[],
  entities: EntityRecord[],
  _ctx: ExtractContext,
): EventRecord[] {
  const idx = triggerIndex();
  const entitySpans: Span[] = [];
  for (const e of entities) for (const m of e.mentions) entitySpans.push(m);
  const out: EventRecord[] = [];
  const list = sentences.length ? sentences : [{ start: 0, end: text.length, paragraph: 0 }];
  for (const sentence of list) {
    const tokens = tokenize(text, sentence.start, sentence.end);
    // A heading ("Talks continue:") announces the next sentence; the event is reported there.
    if (!tokens.length || (tokens.length <= 7 && /:\s*$/.test(text.slice(sentence.start, sentence.end)))) continue;
    const localEntities = entitySpans.filter((s) => s.start >= sentence.start && s.end <= sentence.end);
    // A few words in quotation marks are someone's words for a thing, not an event: called the bill
    // "an assault on the poor".
    const skip = [...localEntities, ...shortQuotes(text, sentence)];
    const hits = [
      ...singleHits(tokens, text, skip, idx),
      ...phraseHits(tokens, text, skip, idx),
    ].sort((a, b) => a.first - b.first);
    // A dateline's date ("NAIROBI, June 6 (Reuters) -") is the day of the report, not of its events.
    const sentenceTimes = times.filter((t) => t.start >= sentence.start && t.end <= sentence.end && !(t as { dateline?: boolean }).dateline);
    if (!hits.length && !sentenceTimes.length) continue;
    const clauseList = clauses(text, sentence, sentenceTimes);
    const drafts: Draft[] = [];
    for (const h of hits) {
      const trigger: Span = { start: tokens[h.first].start, end: tokens[h.last].end };
      let clauseAt = clauseList.findIndex((c) => trigger.start >= c.start && trigger.start < c.end);
      if (clauseAt < 0) clauseAt = 0;
      const clause = clauseList[clauseAt];
      if (irrealis(tokens, h.first, clause.start, idx)) continue;
      const when = whenFor(trigger, h.nominal, clauseList, clauseAt, sentenceTimes, text);
      const same = drafts.find((d) => d.type === h.type && (!d.when || !when || d.when.edtf === when.edtf));
      if (same) {
        if (!same.when && when) {
          same.when = when;
          same.clauseAt = clauseAt;
        }
        continue;
      }
      drafts.push({ type: h.type, when, clauseAt });
    }
    drafts.push(...datedClauses(text, tokens, clauseList, sentenceTimes, drafts, idx));
    if (!drafts.length) continue;
    const evidence: Span = { start: sentence.start, end: sentence.end };
    const placeKeys = mentionsIn(entities, evidence, ['PLACE']);
    const participantKeys = mentionsIn(entities, evidence, ['PERSON', 'ORGANIZATION']);
    for (const d of drafts) {
      const label = labelFor(text, clauseList, d.clauseAt);
      out.push({
        key: eventKey(d.type, d.when, placeKeys, label),
        label,
        type: d.type,
        when: d.when,
        placeKeys,
        participantKeys,
        evidence,
      });
    }
  }
  return out;
}
