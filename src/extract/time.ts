/**
 * Date expressions in news text, normalized to EDTF time spans.
 *
 * Detection is chrono-node's English casual parser, with a few parsers added (years after a
 * preposition, decades, centuries, "overnight", "between X and Y") and refiners that read dates the
 * way news is written: a bare weekday is the most recent such day on or before publication (unless
 * the clause is about the future), durations are not dates, and words that only look like dates
 * ("a protest march", "24/7", "for a second") are dropped. Every span is an EDTF string validated
 * and bounded by the `edtf` library; `certain` keeps apart the parts the text states from those
 * implied by the publication date.
 *
 * Everything here is a pure function of its arguments.
 */
import * as chrono from 'chrono-node';
// @ts-ignore -- the edtf package ships no type declarations
import edtfLibrary from 'edtf';
import { lexTags } from './lexicon.js';
import type { ExtractContext, Sentence, Span, TimeMention, TimeSpanValue } from './types.js';

/** What the `edtf` library returns for a valid EDTF string. */
interface EdtfValue {
  edtf: string;
  min: number;
  max: number;
}
const edtfLibraryParse = edtfLibrary as (input: string) => EdtfValue;

/** The edtf parser is slow (~0.2 ms a string) and a corpus repeats few strings: memoize it. */
const edtfCache = new Map<string, EdtfValue | null>();
function parseEdtf(input: string): EdtfValue | null {
  let v = edtfCache.get(input);
  if (v === undefined) {
    try {
      const parsed = edtfLibraryParse(input);
      v = { edtf: parsed.edtf, min: parsed.min, max: parsed.max };
    } catch {
      v = null;
    }
    if (edtfCache.size > 10_000) edtfCache.clear();
    edtfCache.set(input, v);
  }
  return v;
}

/** A time mention as found by `findTimes`, with what the pipeline may want to know about it. */
export interface FoundTime extends TimeMention {
  /** The mention dates a speech act ("said Wednesday", "told the BBC on Tuesday"). */
  attachedToSpeech?: boolean;
  /** The mention is a dateline's date ("NAIROBI, June 6 (Reuters) -"): the day of the report. */
  dateline?: boolean;
}

/** A dateline at the start of a line: a capitalized place, a comma, the date, an agency, a dash. */
const DATELINE_CAPS_RE = /(?:^|\n)[ \t]*\p{Lu}[\p{Lu} .'’-]{1,40},[ \t]*$/u;
const DATELINE_BEFORE_RE = /(?:^|\n)[ \t]*\p{Lu}[\p{Lu}\p{Ll} .'’-]{1,40},[ \t]*$/u;
const DATELINE_AFTER_RE = /^[ \t]*(?:,?[ \t]*\d{4})?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[-–—]/;
const DATELINE_AGENCY_AFTER_RE = /^[ \t]*(?:,?[ \t]*\d{4})?[ \t]*\([^)\n]{1,40}\)[ \t]*[-–—]/;

/** Whether the mention at [start, end) is the date of a dateline (an all-caps place, or an agency after it). */
function isDateline(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  const after = text.slice(end, end + 48);
  if (DATELINE_CAPS_RE.test(before) && DATELINE_AFTER_RE.test(after)) return true;
  return DATELINE_BEFORE_RE.test(before) && DATELINE_AGENCY_AFTER_RE.test(after);
}

type Part = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute';
const PARTS: Part[] = ['year', 'month', 'day', 'weekday', 'hour', 'minute'];
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Calendar helpers (UTC, ISO strings)

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function pad(n: number, width = 2): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function ymdToIso({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function isoToYmd(iso: string): Ymd {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

function ymdToMs({ y, m, d }: Ymd): number {
  return Date.UTC(y, m - 1, d);
}

function msToYmd(ms: number): Ymd {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function addDays(day: Ymd, n: number): Ymd {
  return msToYmd(ymdToMs(day) + n * DAY_MS);
}

function addMonths(day: Ymd, n: number): Ymd {
  const total = day.y * 12 + (day.m - 1) + n;
  return { y: Math.floor(total / 12), m: (total % 12) + 1, d: day.d };
}

function weekday(day: Ymd): number {
  return new Date(ymdToMs(day)).getUTCDay();
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validIsoDay(s: string | null): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const { y, m, d } = isoToYmd(s);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

// ---------------------------------------------------------------------------------------------
// Spans

/**
 * A span from an EDTF string, bounded by the edtf library (so bounds and string never disagree).
 * Null when the string is not valid EDTF.
 */
export function spanFromEdtf(edtf: string, text: string | null, certain?: string[]): TimeSpanValue | null {
  const value = parseEdtf(edtf);
  if (!value || !Number.isFinite(value.min) || !Number.isFinite(value.max)) return null;
  const span: TimeSpanValue = {
    edtf: value.edtf,
    earliest: new Date(value.min).toISOString(),
    latest: new Date(value.max).toISOString(),
    text,
  };
  if (certain) span.certain = certain;
  return span;
}

/** The whole of one day (`YYYY-MM-DD`), 00:00:00.000Z to 23:59:59.999Z. */
export function spanForDay(isoDate: string, text: string | null): TimeSpanValue {
  if (!validIsoDay(isoDate)) throw new RangeError(`not a calendar day: ${isoDate}`);
  return {
    edtf: isoDate,
    earliest: `${isoDate}T00:00:00.000Z`,
    latest: `${isoDate}T23:59:59.999Z`,
    text,
    certain: ['year', 'month', 'day'],
  };
}

/** The publication day as a span with no source text, or null when the date is unknown. */
export function publicationSpan(ctx: ExtractContext): TimeSpanValue | null {
  return validIsoDay(ctx.published) ? spanForDay(ctx.published, null) : null;
}

function width(span: TimeSpanValue): number {
  return Date.parse(span.latest) - Date.parse(span.earliest);
}

/**
 * The span of the time mention lying inside `span`: when several do, one attached to a speech verb
 * ("said Wednesday") wins, then the narrowest, then the first. Null when none lies inside.
 */
export function narrowestSpanAround(times: TimeMention[], span: Span, _ctx: ExtractContext): TimeSpanValue | null {
  let best: TimeMention | null = null;
  const rank = (t: TimeMention): [number, number, number] => [
    (t as FoundTime).attachedToSpeech ? 0 : 1,
    width(t.span),
    t.start,
  ];
  for (const t of times) {
    if (t.start < span.start || t.end > span.end) continue;
    if (!best) {
      best = t;
      continue;
    }
    const a = rank(t);
    const b = rank(best);
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))) best = t;
  }
  return best ? best.span : null;
}

// ---------------------------------------------------------------------------------------------
// Chrono: extra parsers and news refiners

const PREPOSITIONS =
  'in|since|during|by|until|till|before|after|from|through|throughout|of|around|circa|early|mid|late|mid-';
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, few: 3, several: 3, couple: 2,
};

/** Nouns a year premodifies ("the 2018 race"); not counted things ("the 2000 people"). */
const YEAR_MODIFIED =
  'election|race|vote|poll|ballot|referendum|runoff|campaign|fire|wildfire|flood|earthquake|quake|storm|hurricane|cyclone|typhoon|' +
  'war|invasion|attack|bombing|coup|uprising|revolution|protest|crisis|crash|outbreak|pandemic|epidemic|famine|drought|' +
  'season|tournament|championship|games|olympics|final|edition|census|budget|report|law|deal|agreement|accord|summit|merger|' +
  'talks|trial|verdict|ruling|case|incident|massacre|disaster|tragedy|scandal|collapse|deadline|plan|strategy';

/** "in 2014", "since 1991", "early 2014", "between 2014 and 2016", "from 2014 to 2016", "the 2018 race". */
const yearParser: chrono.Parser = {
  pattern: () =>
    new RegExp(
      `\\b(?:(between|from)\\s+((?:1[6-9]|20)\\d\\d)\\s*(?:and|to|until|through|-|–|—)\\s*((?:1[6-9]|20)\\d\\d)` +
        `|(?:${PREPOSITIONS})[\\s-]+(?:the\\s+(?:year\\s+)?)?((?:1[6-9]|20)\\d\\d)` +
        // A year as a premodifier: "the 2018 race", "the 2018 fire".
        `|\\bthe\\s+((?:1[6-9]|20)\\d\\d)(?=\\s+(?:${YEAR_MODIFIED})s?\\b))` +
        `(?![\\d,.]\\d)(?!\\s*(?:%|percent|per cent))\\b`,
      'i',
    ),
  extract: (context, match) => {
    if (match[1]) {
      const a = Number(match[2]);
      const b = Number(match[3]);
      if (b < a) return null;
      return context.createParsingResult(match.index ?? 0, match[0], { year: a }, { year: b });
    }
    return context.createParsingComponents({ year: Number(match[4] ?? match[5]) });
  },
};

const YEAR_IN_TEXT_RE = /\b(?:1[6-9]|20)\d\d\b(?![\d,.]\d)(?!\s*(?:%|percent|per cent))/g;

/**
 * "the following year", "the previous year": one year after (before) the last year
 * written before it ("talks began in 2018 but collapsed the following year" → 2019). Without an
 * earlier year it is left to the other parsers.
 */
const relativeYearParser: chrono.Parser = {
  pattern: () => /\bthe\s+(following|next|previous|preceding)\s+year\b/i,
  extract: (context, match) => {
    const at = match.index ?? 0;
    let last: number | null = null;
    for (const m of context.text.slice(Math.max(0, at - 400), at).matchAll(YEAR_IN_TEXT_RE)) last = Number(m[0]);
    if (last === null) return null;
    const word = match[1].toLowerCase();
    const delta = word === 'following' || word === 'next' ? 1 : -1;
    return context.createParsingComponents({ year: last + delta }).addTag('annals/yearAfterYear');
  },
};

/** "the 1990s", "the early 2000s", "the '80s". */
const decadeParser: chrono.Parser = {
  pattern: () => /(?:\b(early|mid|late)[\s-]+)?(?:\b((?:1[6-9]|20)\d0)|['’](\d0))['’]?s\b/i,
  extract: (context, match) => {
    let year: number;
    if (match[2]) year = Number(match[2]);
    else {
      const yy = Number(match[3]);
      year = 2000 + yy > context.reference.instant.getUTCFullYear() ? 1900 + yy : 2000 + yy;
    }
    return context.createParsingComponents({ year }).addTag('annals/decade');
  },
};

/** "the 20th century", "the early 19th century". */
const centuryParser: chrono.Parser = {
  pattern: () => /\b(?:(early|mid|late)[\s-]+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century\b/i,
  extract: (context, match) => {
    const n = Number(match[2]);
    if (n < 1 || n > 21) return null;
    return context.createParsingComponents({ year: (n - 1) * 100 }).addTag('annals/century');
  },
};

/** "overnight" (the night before publication), but not "an overnight success". */
const overnightParser: chrono.Parser = {
  pattern: () => /\bovernight\b(?!\s+(?:success|sensation|stay|bag|delivery|shipping|oats|rate|trip))/i,
  extract: (context) => {
    const ref = context.reference.instant;
    return context
      .createParsingComponents({
        year: ref.getUTCFullYear(),
        month: ref.getUTCMonth() + 1,
        day: ref.getUTCDate(),
      })
      .addTag('annals/overnight');
  },
};

const SPEECH_VERBS =
  'said|says|say|told|tells|tell|announced|announces|stated|states|wrote|writes|tweeted|posted|added|warned|warns|' +
  'claimed|claims|reported|reports|estimated|estimates|confirmed|confirms|denied|denies|insisted|declared|declares|' +
  'acknowledged|noted|urged|urges|called|accused|accuses|admitted|revealed|explained|argued|stressed';
const SPEECH_RE = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, 'gi');
const SPEECH_ONCE_RE = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, 'i');
const FUTURE_RE =
  /\b(?:will|shall|won['’]t|going to|(?:could|might|may)\s+(?!have\b|not\b)|as early as|(?:is|are)\s+(?:expected|scheduled|set|due|slated|planned|poised)\b|scheduled for|plans? to|planning to|intends? to|upcoming)\b|['’]ll\b/i;
const SPEECH_BEFORE_RE = new RegExp(
  `\\b(?:${SPEECH_VERBS})\\b(?:\\s+(?!(?:that|it|he|she|they|we)\\b)[\\w'’.&-]+){0,4}?\\s*,?\\s*(?:on\\s+|late\\s+|early\\s+)?$`,
  'i',
);
const SPEECH_AFTER_RE = new RegExp(`^\\s*,?\\s*(?:${SPEECH_VERBS})\\b`, 'i');

const SENTENCE_END_RE = /[.!?]["”’)]?\s+(?=["“‘(]?\p{Lu})|\n/gu;

/** The sentence around [start, end) by punctuation, for refiners that see the whole text. */
function sentenceAround(text: string, start: number, end: number): Span {
  const from = Math.max(0, start - 600);
  let s = from;
  for (const m of text.slice(from, start).matchAll(SENTENCE_END_RE)) s = from + (m.index ?? 0) + m[0].length;
  SENTENCE_END_RE.lastIndex = 0;
  const rest = text.slice(end, end + 600);
  let e = end + rest.length;
  for (const m of rest.matchAll(SENTENCE_END_RE)) {
    e = end + (m.index ?? 0) + 1;
    break;
  }
  return { start: s, end: e };
}

const CLAUSE_BOUNDARY_RE = /[,;:(–—]|\s-\s|\b(?:after|before|when|while|whereas|since|because|until|and|but|which|who|that)\b/gi;

/** Where the last clause of `before` starts (after its last comma, dash or conjunction). */
function lastClauseBoundary(before: string): number {
  let at = 0;
  for (const m of before.matchAll(CLAUSE_BOUNDARY_RE)) at = (m.index ?? 0) + m[0].length;
  return at;
}

const PAST_AUX_RE = /\b(?:was|were|had|did)\b/i;

/** A finite past-tense verb (or past auxiliary) among the words: "approved", "began", "was". */
function hasPastVerb(words: string): boolean {
  if (PAST_AUX_RE.test(words)) return true;
  for (const m of words.matchAll(/\b[a-z]+\b/g)) {
    const w = m[0];
    if (/^(?:need|feed|speed|seed|bed|red|shed|bleed|breed|proceed|exceed|succeed|indeed|hundred|united|limited|based|related|interested)$/.test(w)) continue;
    const tags = lexTags(w);
    if (tags.includes('PastTense')) return true;
    if ((!tags.length || tags.includes('Adjective')) && /ed$/.test(w) && w.length > 4) return true;
  }
  return false;
}

/** Whether the sentence around [index, index+length) in `text` speaks of the future there. */
function futureContext(text: string, index: number, length: number): boolean {
  const sentence = sentenceAround(text, index, index + length);
  // Before the mention: only what follows the last speech verb ("said on Tuesday it will" is past).
  const before = text.slice(sentence.start, index);
  // "said on Tuesday it will …": a weekday dating a speech act is the report's, hence past.
  if (SPEECH_BEFORE_RE.test(before)) return false;
  // A past-tense verb in the mention's own clause ("after the council approved the plan on
  // Monday", "began a strike on Tuesday over plans to …") makes it past, whatever else the
  // sentence says about the future.
  const clauseBefore = before.slice(lastClauseBoundary(before));
  if (!FUTURE_RE.test(clauseBefore) && hasPastVerb(clauseBefore)) return false;
  let from = 0;
  for (const m of before.matchAll(SPEECH_RE)) from = (m.index ?? 0) + m[0].length;
  if (FUTURE_RE.test(before.slice(from))) return true;
  // After the mention: up to the first speech verb ("On Thursday, the ministers will meet").
  const after = text.slice(index + length, sentence.end);
  const speech = after.search(SPEECH_ONCE_RE);
  const window = speech >= 0 ? after.slice(0, speech) : after;
  return FUTURE_RE.test(window);
}

/** Resolves bare weekdays ("Tuesday", "the weekend") in news style. */
const newsWeekdayRefiner: chrono.Refiner = {
  refine: (context, results) => {
    const ref = context.reference.instant;
    const refDay: Ymd = { y: ref.getUTCFullYear(), m: ref.getUTCMonth() + 1, d: ref.getUTCDate() };
    const refWeekday = weekday(refDay);
    for (const r of results) {
      if (/\b(?:this|last|past|next|previous|coming)\b/i.test(r.text)) continue;
      const future = futureContext(context.text, r.index, r.text.length);
      let startDay: Ymd | null = null;
      for (const c of [r.start, r.end]) {
        if (!c || !c.isCertain('weekday') || c.isCertain('day')) continue;
        const target = c.get('weekday') ?? 0;
        let delta = future ? (target - refWeekday + 7) % 7 : -((refWeekday - target + 7) % 7);
        let day = addDays(refDay, delta);
        if (c === r.end && startDay && ymdToMs(day) < ymdToMs(startDay)) {
          delta += 7;
          day = addDays(refDay, delta);
        }
        if (c === r.start) startDay = day;
        c.imply('year', day.y);
        c.imply('month', day.m);
        c.imply('day', day.d);
      }
    }
    return results;
  },
};

/** "between Feb. 24 and March 1": two dates joined by "and" after "between" are one range. */
const betweenRangeRefiner: chrono.Refiner = {
  refine: (context, results) => {
    const out: chrono.ParsingResult[] = [];
    for (let i = 0; i < results.length; i++) {
      const a = results[i];
      const b = results[i + 1];
      if (b && !a.end && !b.end) {
        const gap = context.text.slice(a.index + a.text.length, b.index);
        const lead = context.text.slice(0, a.index);
        if (/^\s*(?:and|to|until|till|through)\s*$/i.test(gap) && /\bbetween\s*$/i.test(lead)) {
          const merged = a.clone();
          merged.text = context.text.slice(a.index, b.index + b.text.length);
          merged.end = b.start.clone();
          out.push(merged);
          i++;
          continue;
        }
      }
      out.push(a);
    }
    return out;
  },
};

const MONTH_WORD =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/gi;
const DURATION_RE =
  /^(?:for|in|within|after|over)\s+(?:the\s+next\s+|the\s+coming\s+|another\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|a few|couple of|a couple of|\d+)(?:\s+|-)(?:more\s+)?(?:second|minute|hour|day|week|fortnight|month|year|decade)s?\b/i;
const RECURRING_AFTER_RE = /^\s*(?:on\s+)?(?:weekends|weekdays|weeknights|every|each|daily|a day|per day)\b/i;
const TIME_WORD_RE = /(?:\d\s*(?:a\.?m\.?|p\.?m\.?)|\d:\d\d|o['’]clock|\bnoon\b|\bmidnight\b|\bmorning\b|\bafternoon\b|\bevening\b|\bnight\b|\btonight\b|\bdawn\b|\bdusk\b)/i;

const NAMED_DAY_QUALIFIER_RE = /\b(?:Black|Good|Bloody|Super|Cyber|Holy|Maundy|Ash|Shrove|Easter|Palm|Fat|Giving)\s+$/;

function onlyTime(c: chrono.ParsingComponents): boolean {
  return !c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month') && !c.isCertain('year');
}

/** Drops what is not a date in news text. */
const notADateFilter: chrono.Refiner = {
  refine: (context, results) =>
    results.filter((r) => {
      const t = r.text.trim();
      if (/^(?:right\s+)?now$/i.test(t)) return false;
      if (DURATION_RE.test(t) && !/^(?:in|over|within)\s+the\s+(?:last|past)\b/i.test(t)) return false;
      if (/\blater$/i.test(t)) return false;
      // "expected to last six weeks", "could last months": the verb, not the past weeks.
      if (/^last\b/i.test(t) && /\b(?:to|will|would|could|may|might|can|should|must)\s+$/i.test(context.text.slice(Math.max(0, r.index - 10), r.index))) return false;
      if (/\b(?:day|week|month|year)s?\s+(?:before|after|earlier)$/i.test(t)) return false;
      if (/\b(?:next|following|previous|preceding)\s+day\b/i.test(t)) return false;
      if (r.tags().has('parser/SlashDateFormatParser') && !r.start.isCertain('year')) return false;
      if (/^\d{1,2}\s*\/\s*\d{1,2}$/.test(t)) return false;
      // Month names in news are capitalized: "a protest march", "she may" are not months.
      for (const m of t.matchAll(MONTH_WORD)) {
        if (m[0][0] === m[0][0].toLowerCase()) return false;
      }
      // A month alone needs a temporal preposition or modifier before it ("in May", not "Theresa May").
      if (r.start.isCertain('month') && !r.start.isCertain('day') && !r.start.isCertain('year')) {
        const lead = context.text.slice(Math.max(0, r.index - 24), r.index);
        if (!/\b(?:in|since|during|by|until|till|before|after|from|through|throughout|of|early|mid|late|last|next|this|end of|start of|beginning of)[\s-]*$/i.test(lead))
          return false;
      }
      // Named days and titles: "Black Friday", "Bloody Sunday", "the Sunday Times".
      if (r.start.isCertain('weekday') && !r.start.isCertain('day')) {
        const lead = context.text.slice(Math.max(0, r.index - 12), r.index);
        const after = context.text.slice(r.index + r.text.length, r.index + r.text.length + 16);
        if (NAMED_DAY_QUALIFIER_RE.test(lead)) return false;
        if (/\bthe\s+$/i.test(lead) && /^\s+\p{Lu}/u.test(after) && !/^\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(after))
          return false;
      }
      if (onlyTime(r.start) && !/\b(?:week|weekend|month|year|day|today|tomorrow|yesterday)\b/i.test(t)) {
        if (!TIME_WORD_RE.test(t)) return false;
        if (RECURRING_AFTER_RE.test(context.text.slice(r.index + r.text.length))) return false;
      }
      return true;
    }),
};

const parser = chrono.casual.clone();
parser.parsers.push(yearParser, decadeParser, centuryParser, overnightParser);
// Before chrono's own "previous year" (relative to publication), so that it wins the overlap.
parser.parsers.unshift(relativeYearParser);
/**
 * A month or day without a year ("in August", "on March 3") is the most recent one on or before
 * publication ("pleaded guilty in August" in a March article is last August; "jailed in March" in a
 * November article is this March); in a clause about the future, the next one on or after it.
 */
const pastYearRefiner: chrono.Refiner = {
  refine: (context, results) => {
    const ref = context.reference.instant;
    const refY = ref.getUTCFullYear();
    const refM = ref.getUTCMonth() + 1;
    const refD = ref.getUTCDate();
    for (const r of results) {
      const c = r.start;
      if (!c.isCertain('month') || c.isCertain('year')) continue;
      const m = c.get('month') ?? 1;
      const d = c.isCertain('day') ? (c.get('day') ?? 1) : 1;
      const after = m > refM || (m === refM && c.isCertain('day') && d > refD);
      const before = m < refM || (m === refM && c.isCertain('day') && d < refD);
      const year = futureContext(context.text, r.index, r.text.length) ? (before ? refY + 1 : refY) : after ? refY - 1 : refY;
      c.imply('year', year);
      if (r.end && !r.end.isCertain('year')) r.end.imply('year', (r.end.get('month') ?? m) < m ? year + 1 : year);
    }
    return results;
  },
};

/**
 * A clock time and the day after it are one moment: "at 4:17 a.m. local time on Monday", "at noon
 * (local time) on March 3". chrono joins them only when nothing stands between.
 */
const localTimeDayRefiner: chrono.Refiner = {
  refine: (context, results) => {
    const out: chrono.ParsingResult[] = [];
    for (let i = 0; i < results.length; i++) {
      const a = results[i];
      const b = results[i + 1];
      const between = b ? context.text.slice(a.index + a.text.length, b.index) : '';
      const dayOnly = (c: chrono.ParsingComponents) => (c.isCertain('day') || c.isCertain('weekday')) && !c.isCertain('hour');
      if (b && onlyTime(a.start) && a.start.isCertain('hour') && !a.end && !b.end && dayOnly(b.start) && /^\s*[(,]?\s*local\s+time\s*[),]?\s*(?:on\s+)?$/i.test(between)) {
        for (const unit of ['hour', 'minute', 'meridiem'] as const) if (a.start.isCertain(unit)) b.start.assign(unit, a.start.get(unit) ?? 0);
        b.text = context.text.slice(a.index, b.index + b.text.length);
        b.index = a.index;
        continue;
      }
      out.push(a);
    }
    return out;
  },
};

parser.refiners.push(betweenRangeRefiner, notADateFilter, localTimeDayRefiner, newsWeekdayRefiner, pastYearRefiner);

// ---------------------------------------------------------------------------------------------
// From chrono results to spans

const LEADING_WORDS_RE =
  /^(?:(?:on|at|in|since|by|from|during|until|till|before|after|through|throughout|of|between|around|circa|as of)\s+|[,(（]\s*)+/i;
const TRAILING_RE = /[\s,;:)）]+$/;

function certainParts(...cs: (chrono.ParsingComponents | undefined)[]): string[] {
  const out = new Set<string>();
  for (const c of cs) {
    if (!c) continue;
    for (const p of PARTS) if (c.isCertain(p)) out.add(p);
  }
  return PARTS.filter((p) => out.has(p));
}

function componentsDay(c: chrono.ParsingComponents): Ymd {
  return { y: c.get('year') ?? 0, m: c.get('month') ?? 1, d: c.get('day') ?? 1 };
}

type Modifier = 'early' | 'mid' | 'late' | null;

function modifierOf(text: string): Modifier {
  const m = /^(early|mid|late)\b/i.exec(text.trim());
  return m ? (m[1].toLowerCase() as Modifier) : null;
}

/** EDTF for one end of a parsed result, at the precision its certain parts allow. */
function edtfOfComponents(c: chrono.ParsingComponents, modifier: Modifier, tags: Set<string>, refDay: Ymd): string {
  const day = componentsDay(c);
  if (tags.has('annals/decade')) {
    const y = day.y;
    if (modifier === 'early') return `${y}/${y + 3}`;
    if (modifier === 'mid') return `${y + 3}/${y + 6}`;
    if (modifier === 'late') return `${y + 7}/${y + 9}`;
    return `${String(y).slice(0, 3)}X`;
  }
  if (tags.has('annals/century')) {
    const y = day.y;
    if (modifier === 'early') return `${y}/${y + 32}`;
    if (modifier === 'mid') return `${y + 33}/${y + 66}`;
    if (modifier === 'late') return `${y + 67}/${y + 99}`;
    return `${String(y).padStart(4, '0').slice(0, 2)}XX`;
  }
  const certainDate = c.isCertain('day') || c.isCertain('weekday');
  if (onlyTime(c) && !c.isCertain('day')) return ymdToIso(refDay);
  if (!certainDate && c.isCertain('year') && !c.isCertain('month')) {
    const y = pad(day.y, 4);
    if (modifier === 'early') return `${y}-01/${y}-04`;
    if (modifier === 'mid') return `${y}-05/${y}-08`;
    if (modifier === 'late') return `${y}-09/${y}-12`;
    return y;
  }
  if (!certainDate && c.isCertain('month')) {
    const ym = `${pad(day.y, 4)}-${pad(day.m)}`;
    const last = daysInMonth(day.y, day.m);
    if (modifier === 'early') return `${ym}-01/${ym}-10`;
    if (modifier === 'mid') return `${ym}-11/${ym}-20`;
    if (modifier === 'late') return `${ym}-21/${ym}-${pad(last)}`;
    return ym;
  }
  return ymdToIso(day);
}

/** Monday of the week containing `day`. */
function mondayOf(day: Ymd): Ymd {
  return addDays(day, -((weekday(day) + 6) % 7));
}

const RELATIVE_TAGS = ['result/relativeDate', 'annals/overnight'];
const RELATIVE_WORDS_RE =
  /\b(?:today|tonight|yesterday|tomorrow|ago|last|past|this|next|previous|coming|overnight|now)\b/i;

/** Whether the calendar parts of a result come from the reference date ("yesterday", "last week"). */
function impliedByReference(tags: Set<string>, text: string): boolean {
  if (tags.has('annals/yearAfterYear')) return false;
  if (RELATIVE_TAGS.some((t) => tags.has(t))) return true;
  for (const t of tags) if (t.startsWith('casualReference/')) return true;
  return RELATIVE_WORDS_RE.test(text);
}

function isRelative(r: chrono.ParsingResult, tags: Set<string>): boolean {
  if (impliedByReference(tags, r.text)) return true;
  if (r.start.isCertain('weekday') && !r.start.isCertain('day')) return true;
  if (!r.start.isCertain('year') && !tags.has('annals/decade') && !tags.has('annals/century')) return true;
  return false;
}

/** The EDTF for a result, or null when it is not one the archive can place. */
function edtfOfResult(r: chrono.ParsingResult, text: string, refDay: Ymd): string | null {
  const tags = r.tags();
  const t = text.toLowerCase();
  // Calendar weeks: "last week" is the previous Monday-to-Sunday, approximately.
  if (tags.has('annals/yearAfterYear')) return pad(r.start.get('year') ?? refDay.y, 4);
  const week = /\b(last|previous|this|next|coming)\s+week\b/.exec(t);
  if (week) {
    const monday = addDays(mondayOf(refDay), week[1] === 'this' ? 0 : week[1] === 'next' || week[1] === 'coming' ? 7 : -7);
    const approx = week[1] === 'this' ? '' : '~';
    return `${ymdToIso(monday)}${approx}/${ymdToIso(addDays(monday, 6))}${approx}`;
  }
  // Rolling periods: "the past week", "the last 48 hours" run up to publication.
  const rolling = /\b(past|last|previous)\s+(?:(\d+|[a-z]+)\s+)?(hour|day|week|month|year)s?\b/.exec(t);
  if (rolling) {
    const n = rolling[2] ? Number(rolling[2]) || NUMBER_WORDS[rolling[2]] || 0 : 1;
    // "last month", "last year": the calendar unit before publication.
    if (!rolling[2] && rolling[1] !== 'past' && rolling[3] === 'month') return ymdToIso(addMonths(refDay, -1)).slice(0, 7);
    if (!rolling[2] && rolling[1] !== 'past' && rolling[3] === 'year') return pad(refDay.y - 1, 4);
    if (!n) return null;
    const unit = rolling[3];
    const from =
      unit === 'hour' ? addDays(refDay, -Math.ceil(n / 24))
      : unit === 'day' ? addDays(refDay, -n)
      : unit === 'week' ? addDays(refDay, -7 * n)
      : unit === 'month' ? addMonths(refDay, -n)
      : addMonths(refDay, -12 * n);
    return `${ymdToIso(from)}/${ymdToIso(refDay)}`;
  }
  if (/\bweekend\b/.test(t)) {
    const sat = componentsDay(r.start);
    const saturday = weekday(sat) === 0 ? addDays(sat, -1) : sat;
    return `${ymdToIso(saturday)}/${ymdToIso(addDays(saturday, 1))}`;
  }
  if (tags.has('annals/overnight') || /\blast\s+night\b/.test(t)) {
    return `${ymdToIso(addDays(refDay, -1))}/${ymdToIso(refDay)}`;
  }
  // "two weeks ago": approximate at the unit's precision.
  const ago = /\b(week|month|year)s?\s+ago\b/.exec(t);
  if (ago) {
    const day = componentsDay(r.start);
    if (ago[1] === 'week') return `${ymdToIso(day)}~`;
    if (ago[1] === 'month') return `${ymdToIso(day).slice(0, 7)}~`;
    return `${pad(day.y, 4)}~`;
  }
  const modifier = modifierOf(t);
  const a = edtfOfComponents(r.start, modifier, tags, refDay);
  if (!r.end) return a;
  const b = edtfOfComponents(r.end, null, tags, refDay);
  if (a === b) return a;
  const lo = a.includes('/') ? a.split('/')[0] : a;
  const hi = b.includes('/') ? b.split('/')[1] : b;
  return `${lo}/${hi}`;
}

function referenceDay(published: string | null): Ymd | null {
  return validIsoDay(published) ? isoToYmd(published) : null;
}

function parseAll(text: string, reference: chrono.ParsingReference): chrono.ParsingResult[] {
  return parser.parse(text, reference, { forwardDate: false }) as chrono.ParsingResult[];
}

/**
 * Results for the whole text; where one straddles a sentence boundary, the sentences it touches are
 * parsed again on their own (a date never spans two sentences).
 */
function parseBySentence(text: string, sentences: Sentence[], reference: chrono.ParsingReference): { r: chrono.ParsingResult; offset: number }[] {
  const whole = parseAll(text, reference);
  if (!sentences.length) return whole.map((r) => ({ r, offset: 0 }));
  const redo: Sentence[] = [];
  for (const r of whole) {
    const end = r.index + r.text.trimEnd().length;
    for (const s of sentences) {
      const touches = r.index < s.end && end > s.start;
      const inside = r.index >= s.start && end <= s.end;
      if (touches && !inside && !redo.includes(s)) redo.push(s);
    }
  }
  if (!redo.length) return whole.map((r) => ({ r, offset: 0 }));
  const out: { r: chrono.ParsingResult; offset: number }[] = [];
  for (const r of whole) {
    const end = r.index + r.text.length;
    if (!redo.some((s) => r.index < s.end && end > s.start)) out.push({ r, offset: 0 });
  }
  for (const s of redo) for (const r of parseAll(text.slice(s.start, s.end), reference)) out.push({ r, offset: s.start });
  return out.sort((a, b) => a.offset + a.r.index - (b.offset + b.r.index));
}

/**
 * Every date expression in `text`, resolved against the publication date. Relative expressions
 * ("Tuesday", "yesterday", "last week") need `ctx.published`; without it only absolute dates are
 * kept. Offsets index `text`; `text.slice(m.start, m.end) === m.text`.
 */
export function findTimes(text: string, sentences: Sentence[], ctx: ExtractContext): FoundTime[] {
  const refDay = referenceDay(ctx.published);
  const anchor = refDay ?? { y: 2000, m: 1, d: 1 };
  const reference: chrono.ParsingReference = {
    instant: new Date(Date.UTC(anchor.y, anchor.m - 1, anchor.d, 12)),
    timezone: 0,
  };
  const out: FoundTime[] = [];
  for (const { r, offset } of parseBySentence(text, sentences, reference)) {
    const tags = r.tags();
    if (!refDay && isRelative(r, tags)) continue;
    // Offsets: drop leading prepositions and trailing punctuation; keep "late"/"early" before a day.
    let start = offset + r.index;
    let end = start + r.text.length;
    const lead = LEADING_WORDS_RE.exec(r.text);
    if (lead && lead[0].length < r.text.length) start += lead[0].length;
    const trail = TRAILING_RE.exec(text.slice(start, end));
    if (trail) end -= trail[0].length;
    // A final period is the sentence's, unless it closes "p.m." or an abbreviation like "Feb.".
    if (text[end - 1] === '.' && !/(?:\b[ap]\.m|\b[A-Z][a-z]{2,4})\.$/.test(text.slice(start, end))) end -= 1;
    const modifier = /(?:^|[^\w])((?:early|late|mid)[\s-]+)$/i.exec(text.slice(Math.max(0, start - 8), start));
    if (modifier) start -= modifier[1].length;
    if (end <= start) continue;
    const mentionText = text.slice(start, end);
    const edtf = edtfOfResult(r, mentionText, refDay ?? anchor);
    if (!edtf) continue;
    let certain = certainParts(r.start, r.end);
    if (impliedByReference(tags, mentionText)) {
      const clock = TIME_WORD_RE.test(mentionText);
      certain = certain.filter((p) => p === 'weekday' || (clock && (p === 'hour' || p === 'minute')));
    }
    const span = spanFromEdtf(edtf, mentionText, certain);
    if (!span) continue;
    const mention: FoundTime = { start, end, text: mentionText, span };
    const sentence =
      sentences.find((s) => start >= s.start && end <= s.end) ?? sentenceAround(text, start, end);
    const rawStart = offset + r.index;
    const before = text.slice(sentence.start, rawStart);
    const after = text.slice(rawStart + r.text.length, sentence.end);
    // "Ortega, who won the Giro in 2017, denied it": a date closing a relative clause before the
    // speech verb dates the relative clause, not the speech.
    const closesRelative = /^\s*,/.test(after) && /,\s*(?:who|which)\b[^,]*$/i.test(before);
    if (SPEECH_BEFORE_RE.test(before) || (SPEECH_AFTER_RE.test(after) && !closesRelative)) mention.attachedToSpeech = true;
    if (isDateline(text, start, end)) mention.dateline = true;
    out.push(mention);
  }
  return out;
}
