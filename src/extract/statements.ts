/**
 * Statement attribution: who said what, when, where and how.
 *
 * 1. Attributions. In each sentence, reporting verbs outside quotations ("said", "told", "tweeted",
 *    "estimated", "called", "according to", participles "saying"/"citing"/"warning", "made it
 *    clear", "as he put it") are found; nouns ("a warning") and passives ("been reported",
 *    "confirmed by") are skipped. The speaker phrase is the noun phrase before the verb (skipping
 *    auxiliaries, adverbs, dates and appositives such as ", the jailed opposition leader,"), or
 *    after it ("according to X", '"...," said X'); a participle takes the subject of its clause; a
 *    verb coordinated with "and" takes the previous verb's speaker.
 * 2. Speakers. The phrase resolves to an entity: a pronoun to the last person (he/she) or body
 *    (they/it) spoken of; a role phrase to its resolved role entity ("its mayor"); "<Person>'s
 *    spokesman" / "an adviser to <Person>" / "a French presidential aide" to a role entity named
 *    from those words; "French authorities" / "France's interior ministry" to an organization
 *    named with the nationality ("French Interior Ministry") — never to the country itself; else the
 *    named entity. The words as written are kept in `speakerText`.
 * 3. Content. Verb-first reports take the words after the verb (after "that", the date, the
 *    channel, the addressee of "told") up to the next attribution; end attributions ("..., its
 *    mayor said.") take the clause before.
 * 4. Quotations are assigned to the attribution right after them ('"...," Roe said'), else the
 *    one whose content holds them, else one in the same sentence. A quotation standing alone on
 *    its line takes the speaker of the previous paragraph when that paragraph describes a speech
 *    (an address, a post, a colon) or shares content words with it; otherwise its speaker is
 *    unknown (null). A short quotation (≤ 3 words) with no attribution is a term, not a quote.
 * 5. When: a date attached to the verb ("said Wednesday", "told the AP Wednesday:", "On Tuesday,
 *    X said"); else the date of the same speaker's previous attribution nearby; else the
 *    publication day, marked uncertain ("2024-03-06?"). Where: only "speaking in <Place>" /
 *    "said in <Place>" style phrases.
 * 6. Channel: platform ("on Facebook", "tweeted" → Twitter), addressee medium ("told the AP"),
 *    speech event ("in a televised address", "New Year address", "news conference"),
 *    found in the attribution's words, else in an earlier sentence (≤ 3 paragraphs back) that
 *    names the same speaker with a channel.
 * 7. Key: hash of speaker key + normalized quote or content, so the same statement reported by
 *    several documents merges into one.
 */
import { findClaims } from './claims.js';
import { gazetteer } from './gazetteer.js';
import {
  BROADCASTERS,
  FUNCTION_WORDS,
  GROUP_NOUNS,
  ORG_HEADS,
  PERSON_ROLES,
  PLATFORMS,
  REPORTING_VERBS,
  TITLES,
  TITLE_MODIFIERS,
  isCommonNoun,
  lexTags,
} from './lexicon.js';
import { findQuotes, type QuoteSpan } from './quotes.js';
import { ensureEntity, type MentionRef } from './resolve.js';
import type { Paragraph } from './segment.js';
import { capitalizeFirst, contentStems, isCapitalized, isPossessive, normalizeForKey, stableHash, tokenize, type Token } from './text.js';
import { spanForDay, spanFromEdtf } from './time.js';
import type { EntityKind, EntityRecord, ExtractContext, Sentence, Span, StatementRecord, TimeMention, TimeSpanValue } from './types.js';

export interface StatementInput {
  text: string;
  sentences: Sentence[];
  paragraphs: Paragraph[];
  entities: EntityRecord[];
  refs: MentionRef[];
  times: TimeMention[];
  ctx: ExtractContext;
  /** The tokens of each sentence, when already computed. */
  sentenceTokens?: Token[][];
}

export interface StatementOutput {
  statements: StatementRecord[];
  /** The input entities plus speakers the recognizer had not listed (groups, unnamed roles). */
  entities: EntityRecord[];
}

type Mode = 'before' | 'after' | 'according' | 'participle' | 'coord' | 'inverted';

interface Speaker {
  key: string;
  kind: EntityKind;
  country: string | null;
}

interface Attribution {
  sentence: number;
  paragraph: number;
  verb: Token;
  mode: Mode;
  np: Span | null;
  speakerText: string | null;
  speaker: Speaker | null;
  content: Span;
  /** The attribution's own words (speaker, verb, addressee, date): where channel and date are read. */
  region: Span;
  saidAt: TimeSpanValue | null;
  explicitTime: boolean;
  channel: string | null;
  quotes: QuoteSpan[];
  /** Reported inside another attribution's content ("X said that Y had told her ..."). */
  nested?: boolean;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'that', 'these', 'those', 'our', 'my', 'your']);
const NP_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const AUX = new Set([
  'has', 'have', 'had', 'also', 'already', 'previously', 'later', 'earlier', 'reportedly', 'publicly', 'repeatedly', 'then',
  'further', 'again', 'will', 'would', 'did', 'does', 'do', 'not', 'never', 'recently', 'separately', 'similarly', 'once',
  'first', 'last', 'just', 'even', 'still', 'officially', 'initially', 'finally', 'himself', 'herself', 'itself', 'only',
  'may', 'might', 'could', 'should', 'can', 'must', 'late', 'early', 'on', 'yesterday', 'today', 'privately', 'openly',
]);
/** Heads of institutions whose names are written in title case ("Interior Ministry"). */
const INSTITUTION_HEADS = new Set(['ministry', 'service', 'services', 'department', 'agency', 'committee', 'council', 'office', 'bureau', 'commission', 'directorate', 'inspectorate']);
/** Words that may follow a closing attribution ("..., X said on Facebook in a statement."). */
const ATTRIBUTION_TAIL = new Set(
  [
    ...'on via in at during a an the his her their its late early also statement interview address speech news conference press briefing post video to reporters journalists by telephone phone email later posted published shared broadcast aired uploaded televised online social media'.split(' '),
    ...PLATFORMS.map((p) => p.toLowerCase()),
  ],
);
/** A news dateline: "ROME (Reuters) - ", "LYON, France (AP) — ". */
const DATELINE = /^\s*\p{Lu}[\p{Lu}\s.'’-]+(?:,\s*[\p{L}\s.]+)?\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s+/u;
/** The audience of "told": "a news conference at the White House", "a rally in Ohio". */
const AUDIENCE_RE =
  /^(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:news conference|press conference|briefing|rally|meeting|summit|session|hearing|audience|crowd|gathering|forum|conference)(?:\s+(?:at|in)\s+(?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)?)?/u;
const TIME_WORDS_RE = /\b(?:on\s+)?(?:late\s+|early\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b/gi;
const PLACE_WORDS = String.raw`(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)?)`;
const SAID_IN_RE = new RegExp(String.raw`^(?:said|says|spoke|added|warned|announced|declared)\s+(?:(?:on\s+)?\p{Lu}\p{Ll}+day\s+)?(?:in|from)\s+${PLACE_WORDS}`, 'u');
const EVENT_IN_RE = new RegExp(
  String.raw`\b(?:at|during|in)\s+(?:a|an|the|his|her|their|its)\s+(?:[\p{L}-]+\s+){0,3}?(?:news conference|press conference|briefing|speech|address|rally|summit|meeting|interview|visit|ceremony)\s+(?:in|at|to)\s+${PLACE_WORDS}`,
  'u',
);
const SPEAKING_IN_RE = new RegExp(String.raw`\b(?:[Ss]peaking|[Aa]ddressing [\p{L}\s]{1,30}?|[Oo]n a visit|[Dd]uring a visit)\s+(?:in|from|at|to)\s+${PLACE_WORDS}`, 'u');
/** Nouns that, after "the", refer back to an organization just named ("the company said"). */
const COREF_ORG_NOUNS = new Set(
  'company firm group automaker carmaker airline bank agency organization organisation ministry department network broadcaster newspaper retailer insurer lender manufacturer maker giant charity union party club'.split(
    ' ',
  ),
);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const CONNECTORS = new Set([',', ';', 'and', 'but', 'while', 'although', 'though', 'as', '-', '–', '—', 'after', 'before', 'when', 'whereas', 'because', 'so', 'yet', 'which', 'where']);
const QUOTE_CHARS = /^["“”„«»‘’]$/;
const OPENING_QUOTE = /^["“„«‘]$/;
const SPEECH_EVENT_RE =
  /\b(?:in|during|at|via|through|with)\s+(?:a|an|his|her|their|its|the|one)\s+(?:[\p{L}-]+\s+){0,3}?(news conference|press conference|press briefing|video address|televised address|address|speech|interview|statement|briefing|video|op-ed|broadcast|podcast|remarks|post|email|e-mail|text message|letter|note)\b/iu;
const NAMED_SPEECH_RE = /((?:\p{Lu}[\p{L}’'-]*\s+)(?:(?:of|the|and)\s+|\p{Lu}[\p{L}’'-]*\s+)*?)(address|speech)\b/u;
const CONFERENCE_RE = /\b(news conference|press conference|press briefing|briefing|televised address|video address)\b/i;
const PLATFORM_RE = new RegExp(
  `\\b(?:on|via|to|in a post on|in a video on|on (?:his|her|their|its|the) (?:official )?)\\s*(${PLATFORMS.filter((p) => p !== 'X').join('|')})\\b`,
  'i',
);
const TWEET_RE = /\btweet(?:ed|s|ing)?\b/i;
const BROADCASTER_SET = new Set(BROADCASTERS.map((b) => b.toLowerCase()));

/** How a channel phrase reads in a stretch of text; null when it names none. */
export function detectChannel(region: string, refs: { text: string; kind: EntityKind; name: string }[] = []): string | null {
  const p = PLATFORM_RE.exec(region);
  if (p) return PLATFORMS.find((x) => x.toLowerCase() === p[1].toLowerCase()) ?? p[1];
  if (/\b(?:on|via) X\b(?![-‐])/.test(region)) return 'X';
  if (TWEET_RE.test(region)) return 'Twitter';
  const told = /\b(?:told|tells|telling|tell|said\s+to|speaking\s+to|in\s+an\s+interview\s+with)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,3})/u.exec(region);
  if (told) {
    const w = told[1];
    const ref = refs.find((r) => r.kind === 'ORGANIZATION' && w.startsWith(r.text));
    if (ref) return ref.text;
    if (BROADCASTER_SET.has(w.toLowerCase())) return w;
  }
  const named = /address|speech/.test(region) ? NAMED_SPEECH_RE.exec(region) : null;
  if (named && /\p{Lu}/u.test(named[1]) && named[1].trim().split(/\s+/).length >= 2) return `${named[1].trim()} ${named[2]}`;
  const ev = /\b(?:in|during|at|via|through|with)\s/i.test(region) ? SPEECH_EVENT_RE.exec(region) : null;
  if (ev) return ev[1].toLowerCase().replace('press conference', 'news conference');
  const conf = CONFERENCE_RE.exec(region);
  if (conf) return conf[1].toLowerCase().replace('press conference', 'news conference');
  if (/\btold\s+reporters\b/i.test(region)) return 'reporters';
  return null;
}

function spanText(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}

/** Attribute statements in a document. Pure: returns new statement and entity lists. */
export function attributeStatements(input: StatementInput): StatementOutput {
  const { text, sentences, paragraphs, refs, times, ctx } = input;
  const entities = input.entities.map((e) => ({ ...e, aliases: [...e.aliases], mentions: [...e.mentions] }));
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const gz = gazetteer();
  const quotes = findQuotes(text, paragraphs);
  const quoteMask = new Uint8Array(text.length + 1);
  for (const q of quotes) quoteMask.fill(1, q.start, q.end);
  const inQuote = (pos: number) => quoteMask[pos] === 1;
  const timeMask = new Uint8Array(text.length + 1);
  for (const m of times) timeMask.fill(1, m.start, m.end);
  const refMask = new Uint8Array(text.length + 1);
  for (const r of refs) refMask.fill(1, r.start, r.end);
  const covered = (t: Token) => refMask[t.start] === 1 && refMask[t.end - 1] === 1;
  // refs are sorted by start: the ones inside a span, by binary search.
  const firstRefAt = (pos: number) => {
    let lo = 0;
    let hi = refs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (refs[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const refsIn = (span: Span): MentionRef[] => {
    const out: MentionRef[] = [];
    for (let i = firstRefAt(span.start); i < refs.length && refs[i].start < span.end; i++) if (refs[i].end <= span.end) out.push(refs[i]);
    return out;
  };
  const defaultSaid = defaultSpan(ctx);
  const attributions: Attribution[] = [];
  const entityOf = (key: string) => byKey.get(key) ?? entities.find((e) => e.key === key);
  const speakerFromEntity = (e: EntityRecord): Speaker => ({ key: e.key, kind: e.kind, country: e.country ?? null });

  const countryOf = (word: string): string | null => {
    const w = word.replace(/['’]s$/, '');
    const d = gz.countryByDemonym(w);
    if (d) return d.country;
    const a = ctx.authorities.find((x) => x.kind === 'PLACE' && (x.name === w || (x.aliases ?? []).includes(w)));
    if (a?.country) return a.country;
    const p = gz.lookup(w);
    return p?.kind === 'country' ? p.country : null;
  };

  // ---------------------------------------------------------------- 1–2. Attributions and speakers
  for (const [si, s] of sentences.entries()) {
    const tokens = (input.sentenceTokens?.[si] ?? tokenize(text, s.start, s.end)).filter((t) => !inQuote(t.start) || QUOTE_CHARS.test(t.text));
    const firstWordIdx = tokens.findIndex((t) => t.kind === 'word');
    const inTime = (t: Token | undefined) => !!t && timeMask[t.start] === 1 && timeMask[t.end - 1] === 1;
    const local: Attribution[] = [];

    const npToken = (j: number): boolean => {
      const t = tokens[j];
      if (!t || inQuote(t.start)) return false;
      if (isPossessive(t)) return true;
      if (t.kind !== 'word') return false;
      const lw = t.text.toLowerCase();
      if (NP_DETERMINERS.has(lw)) return true;
      if (lw === 'of' || lw === 'to' || lw === 'for') {
        const left = tokens[j - 1]?.text.toLowerCase() ?? '';
        return PERSON_ROLES.has(left) || GROUP_NOUNS.has(left) || ORG_HEADS.has(left) || TITLES.has(left);
      }
      // "Centers for Disease Control and Prevention": "and" between capitalized words of one name.
      if (lw === 'and' && isCapitalized(tokens[j - 1]?.text ?? '') && isCapitalized(tokens[j + 1]?.text ?? '') && refMask[t.start] === 1) return true;
      if (FUNCTION_WORDS.has(lw)) return false;
      if (inTime(t)) return false;
      if (isCapitalized(t.text)) {
        const tags = lexTags(lw);
        if (tags.some((x) => /Adverb|Conjunction|Preposition|QuestionWord/.test(x))) return false;
        return true;
      }
      if (PERSON_ROLES.has(lw) || GROUP_NOUNS.has(lw) || TITLES.has(lw) || TITLE_MODIFIERS.has(lw) || ORG_HEADS.has(lw)) return true;
      if (REPORTING_VERBS.has(lw)) return false;
      const tags = lexTags(lw);
      if (tags.some((x) => /Verb|PastTense|PresentTense|Infinitive|Gerund|Modal|Copula|Preposition|Conjunction|Adverb|Determiner|Pronoun|QuestionWord|Cardinal|Value/.test(x))) return false;
      if (/ly$/.test(lw)) return false;
      return true;
    };

    const validNP = (a: number, b: number): boolean => {
      for (let j = a; j <= b; j++) {
        const t = tokens[j];
        const lw = t.text.toLowerCase();
        if (PERSON_ROLES.has(lw) || GROUP_NOUNS.has(lw) || ORG_HEADS.has(lw)) return true;
        if (t.kind === 'word' && isCapitalized(t.text) && !NP_DETERMINERS.has(lw) && (covered(t) || (j > firstWordIdx && !isCommonNoun(lw)))) return true;
        if (covered(t)) return true;
      }
      return false;
    };

    /** The noun phrase ending just before token `vi` (after skipping auxiliaries, dates, appositives). */
    const leftNP = (vi: number): { a: number; b: number } | null => {
      let j = vi - 1;
      while (j >= 0 && (AUX.has(tokens[j].text.toLowerCase()) || inTime(tokens[j]))) j--;
      if (j >= 0 && PRONOUNS.has(tokens[j].text.toLowerCase()) && tokens[j].kind === 'word') return { a: j, b: j };
      // Appositives between commas: an age, a description or relative clause is skipped
      // ("Roe, the jailed opposition leader, called"); a named person is the speaker
      // ("the mayor's deputy, Marco Bianchi, wrote").
      for (let guard = 0; tokens[j]?.text === ',' && guard < 3; guard++) {
        let k = j - 1;
        while (k >= 0 && tokens[k].text !== ',' && !QUOTE_CHARS.test(tokens[k].text)) k--;
        const seg = tokens.slice(k + 1, j);
        if (!seg.length || seg.length > 12) return null;
        const person = refsIn({ start: seg[0].start, end: seg[seg.length - 1].end }).find((r) => r.kind === 'PERSON' && !r.role && !r.adjective && r.start <= seg[0].start && r.end >= seg[seg.length - 1].end);
        if (person && seg.length <= 5) return { a: k + 1, b: j - 1 };
        const age = seg.length === 1 && seg[0].kind === 'number';
        // "X, meanwhile, said" / "X, for his part, said"
        const aside = seg.length <= 4 && seg.every((t) => t.kind === 'word' && !isCapitalized(t.text) && (lexTags(t.text).includes('Adverb') || /^(?:meanwhile|however|too|also|though|in|turn|for|his|her|their|its|part|instead|separately|earlier|later|then)$/i.test(t.text)));
        // "Mary Roe, Acme's chief executive, told ...": a description with a role word.
        const described = seg.some((t) => !isCapitalized(t.text) && (PERSON_ROLES.has(t.text.toLowerCase()) || TITLES.has(t.text.toLowerCase())));
        if (k > 0 && tokens[k].text === ',' && (age || aside || described || /^(?:the|a|an|who|which|whose|his|her|their|its|himself|herself|itself)$/i.test(seg[0].text))) j = k - 1;
        else return null;
      }
      const b = j;
      while (j >= 0 && npToken(j) && b - j < 12) j--;
      // A noun the lexicon also reads as a verb, after a determiner: "the rights group X".
      if (j >= 1 && tokens[j].kind === 'word' && !isCapitalized(tokens[j].text) && !REPORTING_VERBS.has(tokens[j].text.toLowerCase()) && /^(?:the|a|an)$/i.test(tokens[j - 1].text) && b > j) j -= 2;
      let a = j + 1;
      while (a <= b && /^(?:of|to|for)$/i.test(tokens[a].text)) a++;
      while (a <= b && isPossessive(tokens[a])) a++;
      if (a > b || !validNP(a, b)) return null;
      return { a, b };
    };

    const rightNP = (from: number): { a: number; b: number } | null => {
      let j = from;
      while (j < tokens.length && AUX.has(tokens[j].text.toLowerCase()) && !/^(?:on|late|early)$/.test(tokens[j].text.toLowerCase())) j++;
      const a = j;
      while (j < tokens.length && (npToken(j) || (tokens[j].kind === 'word' && PRONOUNS.has(tokens[j].text.toLowerCase()) && j === a)) && j - a < 12) j++;
      const b = j - 1;
      if (b < a || !validNP(a, b) && !PRONOUNS.has(tokens[a].text.toLowerCase())) return null;
      return { a, b };
    };

    /** The subject of the sentence: the first noun phrase. */
    const subjectNP = (before: number): { a: number; b: number } | null => {
      let j = 0;
      while (j < before && !(npToken(j) || (tokens[j].kind === 'word' && PRONOUNS.has(tokens[j].text.toLowerCase())))) j++;
      if (j >= before) return null;
      if (PRONOUNS.has(tokens[j].text.toLowerCase())) return { a: j, b: j };
      const a = j;
      while (j < before && npToken(j)) j++;
      const b = j - 1;
      return validNP(a, b) ? { a, b } : null;
    };

    for (let vi = 0; vi < tokens.length; vi++) {
      const t = tokens[vi];
      if (t.kind !== 'word' || t.text.length < 3) continue;
      const lw = t.text.toLowerCase();
      if (!REPORTING_VERBS.has(lw) && lw !== 'according' && lw !== 'put' && lw !== 'made') continue;
      if (inQuote(t.start)) continue;
      const prev = tokens[vi - 1]?.text.toLowerCase() ?? '';
      const next = tokens[vi + 1]?.text.toLowerCase() ?? '';
      let mode: Mode | null = null;
      let np: { a: number; b: number } | null = null;
      if (lw === 'according' && next === 'to') {
        // "according to a statement from the prison service": the source is after the document word.
        let from = vi + 2;
        const doc = /^(?:a|an|the)\s+(?:[\p{L}-]+\s+)?(?:statement|report|release|post|announcement|letter|video|message|tally|count|estimate|figures?|data)\s+(?:from|by|of|issued by|released by|published by)\s+/iu.exec(
          text.slice(tokens[from]?.start ?? s.end, s.end),
        );
        if (doc) {
          const end = tokens[from].start + doc[0].length;
          while (from < tokens.length && tokens[from].start < end) from++;
        }
        np = rightNP(from);
        if (np) mode = 'according';
      } else if (lw === 'put' && next === 'it') {
        // "as he put it"
        const l = leftNP(vi);
        if (l && tokens[l.a - 1]?.text.toLowerCase() === 'as') {
          np = l;
          mode = 'before';
        }
      } else if (lw === 'made' && (next === 'clear' || (next === 'it' && tokens[vi + 2]?.text.toLowerCase() === 'clear'))) {
        np = leftNP(vi);
        if (np) mode = 'before';
      } else {
        const kind = REPORTING_VERBS.get(lw);
        if (!kind || isCapitalized(t.text)) continue;
        if (DETERMINERS.has(prev) || BE.has(prev) || next === 'by') continue;
        if ((lw === 'called' || lw === 'calls' || lw === 'calling') && /^(?:off|up|in|out)$/.test(next)) continue;
        if (kind === 'participle') {
          mode = 'participle';
        } else {
          np = leftNP(vi);
          if (np) mode = 'before';
          else if (prev === 'and' || prev === 'but') mode = 'coord';
          else if (
            (QUOTE_CHARS.test(tokens[vi - 1]?.text ?? '') || (prev === ',' && QUOTE_CHARS.test(tokens[vi - 2]?.text ?? ''))) &&
            /^(?:said|says|added|wrote|told|asked|insisted|continued|warned|tweeted|posted)$/.test(lw)
          ) {
            np = rightNP(vi + 1);
            if (np) mode = 'inverted';
          }
        }
      }
      if (!mode) continue;

      let speaker: Speaker | null = null;
      let speakerText: string | null = null;
      let npSpan: Span | null = null;
      if (np) {
        npSpan = { start: tokens[np.a].start, end: tokens[np.b].end };
        speakerText = spanText(text, npSpan);
        speaker = resolveSpeaker(npSpan, tokens.slice(np.a, np.b + 1), si);
      } else if (mode === 'participle' || mode === 'coord') {
        const before = local.filter((x) => x.verb.start < t.start && x.speaker);
        const prevAttr = before[before.length - 1];
        if (prevAttr) {
          speaker = prevAttr.speaker;
          speakerText = prevAttr.speakerText;
        } else {
          const subj = subjectNP(vi);
          if (subj) {
            npSpan = { start: tokens[subj.a].start, end: tokens[subj.b].end };
            speakerText = spanText(text, npSpan);
            speaker = resolveSpeaker(npSpan, tokens.slice(subj.a, subj.b + 1), si);
          }
        }
        if (!speaker) continue;
      }
      if (mode === 'before' && np) {
        // A verb with nothing but a date after it closes its clause: "..., X said." / "..., X said,
        // adding ..." — the content is before it (when there is any).
        let k = vi + 1;
        while (k < tokens.length && (inTime(tokens[k]) || ATTRIBUTION_TAIL.has(tokens[k].text.toLowerCase()))) k++;
        const atEnd = k >= tokens.length || /^[.!?]$/.test(tokens[k].text);
        const before = text.slice(local.length ? local[local.length - 1].verb.end : s.start, tokens[np.a].start);
        if ((atEnd || tokens[k]?.text === ',') && /[,”"’]\s*$/.test(before) && wordCount(before) >= 2) mode = 'after';
      }
      local.push({
        sentence: si,
        paragraph: s.paragraph,
        verb: t,
        mode,
        np: npSpan,
        speakerText,
        speaker,
        content: { start: t.end, end: s.end },
        region: { start: npSpan ? Math.min(npSpan.start, t.start) : t.start, end: t.end },
        saidAt: null,
        explicitTime: false,
        channel: null,
        quotes: [],
      });
    }

    // ------------------------------------------------------------- 3. Content spans
    for (const [ai, at] of local.entries()) {
      const nextAttr = local[ai + 1];
      const vi = tokens.indexOf(at.verb);
      let endPos = s.end;
      if (nextAttr) {
        const boundary = nextAttr.mode === 'before' || nextAttr.mode === 'after' ? nextAttr.np?.start ?? nextAttr.verb.start : nextAttr.verb.start;
        // A report inside the content ("said that investigators had told her ...") stays in it.
        const nested = nextAttr.mode === 'before' && /^\s*(?:that\s+)?$/i.test(text.slice(at.verb.end, boundary).replace(TIME_WORDS_RE, ''));
        if (boundary > at.verb.end && !nested) endPos = boundary;
        if (nested) nextAttr.nested = true;
      }
      if (at.mode === 'after') {
        const prevEnd = ai > 0 ? local[ai - 1].content.end : s.start;
        let from = Math.max(s.start, prevEnd);
        // A dateline opening the story: "ROME (Reuters) - ".
        const dateline = DATELINE.exec(text.slice(from, at.verb.start));
        if (dateline) from += dateline[0].length;
        const to = at.np ? at.np.start : at.verb.start;
        at.content = trimSpan(text, { start: from, end: to });
        at.region = { start: at.np?.start ?? at.verb.start, end: s.end };
        continue;
      }
      if (at.mode === 'according') {
        const npEnd = at.np!.end;
        const before = trimSpan(text, { start: ai > 0 ? local[ai - 1].content.end : s.start, end: at.verb.start });
        at.region = { start: at.verb.start, end: npEnd };
        if (before.end - before.start > 10) at.content = before;
        else at.content = trimSpan(text, { start: npEnd, end: endPos });
        continue;
      }
      // Verb first: skip the inverted speaker, addressee, date, channel and "that".
      let k = vi + 1;
      if (at.mode === 'inverted' && at.np) while (k < tokens.length && tokens[k].start < at.np.end) k++;
      const lw = at.verb.text.toLowerCase();
      for (let guard = 0; guard < 8 && k < tokens.length; guard++) {
        const w = tokens[k].text.toLowerCase();
        if (inTime(tokens[k]) || (/^(?:on|late|early|last|this)$/.test(w) && inTime(tokens[k + 1]))) {
          k++;
          continue;
        }
        if (w === 'that' || w === ':' || w === ',' || w === '—' || w === '–' || (lw === 'made' && (w === 'it' || w === 'clear'))) {
          k++;
          continue;
        }
        if ((w === 'on' || w === 'via') && tokens[k + 1] && PLATFORMS.some((p) => p.toLowerCase() === tokens[k + 1].text.toLowerCase())) {
          k += 2;
          continue;
        }
        if (/^(?:in|at|during|via)$/.test(w) && /^(?:a|an|his|her|their|its|the)$/i.test(tokens[k + 1]?.text ?? '')) {
          const m = SPEECH_EVENT_RE.exec(text.slice(tokens[k].start, Math.min(s.end, tokens[k].start + 80)));
          if (m && m.index === 0) {
            // ... and where it was held: "at a news conference in Rome".
            const where = /^\s+(?:in|at)\s+\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)?/u.exec(text.slice(tokens[k].start + m[0].length, s.end));
            const end = tokens[k].start + m[0].length + (where ? where[0].length : 0);
            while (k < tokens.length && tokens[k].start < end) k++;
            continue;
          }
        }
        if (/^(?:told|tells|tell|telling)$/.test(lw) && guard === 0) {
          // The addressee: "the BBC", "Reuters", "reporters", "residents".
          let j = k;
          if (tokens[j]?.text.toLowerCase() === 'the') j++;
          if (tokens[j] && isCapitalized(tokens[j].text)) {
            while (tokens[j] && isCapitalized(tokens[j].text)) j++;
            k = j;
            continue;
          }
          if (tokens[j] && /^(?:reporters|journalists|residents|lawmakers|parliament|supporters|citizens|people|viewers|listeners|him|her|them|us|me)$/i.test(tokens[j].text)) {
            k = j + 1;
            continue;
          }
          // "told a news conference (at the White House)"
          const ev = AUDIENCE_RE.exec(text.slice(tokens[k].start, Math.min(s.end, tokens[k].start + 90)));
          if (ev) {
            const end = tokens[k].start + ev[0].length;
            while (k < tokens.length && tokens[k].start < end) k++;
            continue;
          }
        }
        break;
      }
      const start = tokens[k]?.start ?? s.end;
      at.region = { start: Math.min(at.region.start, at.verb.start), end: Math.max(at.verb.end, start) };
      at.content = trimSpan(text, { start, end: Math.max(start, endPos) });
    }

    // ------------------------------------------------------------- 5–6. When and how
    for (const at of local) {
      const win = { start: at.region.start, end: at.mode === 'after' ? s.end : Math.max(at.region.end, at.verb.end) };
      let t = times.find((m) => m.start >= at.verb.end && m.end <= win.end && (at.mode === 'after' || m.start <= at.content.start));
      if (!t && at.np && !/,/.test(text.slice(at.np.end, at.verb.start))) t = times.find((m) => m.start >= at.np!.end && m.end <= at.verb.start);
      if (!t) {
        const lead = times.find((m) => m.start >= s.start && m.start - s.start <= 20 && m.end <= (at.np?.start ?? at.verb.start) && /^\s*,/.test(text.slice(m.end, m.end + 2)));
        if (lead) t = lead;
      }
      if (t) {
        at.saidAt = t.span;
        at.explicitTime = true;
      }
      const regionStart = Math.max(s.start, local.filter((x) => x !== at && x.content.end <= at.region.start).reduce((acc, x) => Math.max(acc, x.content.end), s.start));
      const chText = text.slice(at.mode === 'after' ? at.region.start : regionStart, at.mode === 'after' ? s.end : Math.max(at.region.end, at.content.start));
      at.channel = detectChannel(stripQuotes(chText), channelRefs(at));
    }
    attributions.push(...local);
  }

  function channelRefs(at: Attribution) {
    return refsIn({ start: at.verb.start, end: Math.max(at.verb.start, at.content.start + 2) + 60 })
      .filter((r) => r.kind === 'ORGANIZATION' && r.start <= at.content.start + 2)
      .map((r) => ({ text: r.text, kind: r.kind, name: entityOf(r.key)?.name ?? r.text }));
  }

  function stripQuotes(s: string): string {
    return s.replace(/[“"][^”"]*[”"]/g, ' ');
  }

  /** Resolve a speaker phrase to an entity (creating group and role entities as needed). */
  function resolveSpeaker(np: Span, toks: Token[], si: number): Speaker | null {
    const words = toks.map((t) => t.text);
    const lower = words.map((w) => w.toLowerCase());
    // Pronouns.
    if (toks.length === 1 && PRONOUNS.has(lower[0])) return resolvePronoun(lower[0], np.start, si);
    const inside = refsIn(np);
    const roleRef = inside.find((r) => r.role);
    if (roleRef) {
      const e = entityOf(roleRef.key);
      return e ? speakerFromEntity(e) : null;
    }
    const named = inside.filter((r) => !r.adjective);
    const last = named[named.length - 1];
    const afterLast = last ? toks.filter((t) => t.start >= last.end && !isPossessive(t)) : toks;
    const det = NP_DETERMINERS.has(lower[0]) ? 1 : 0;
    // The head noun: the word before "of/for/to" ("spokesperson for the commission"), else the last.
    const pi = lower.findIndex((w, i) => i > det && /^(?:of|for|to)$/.test(w));
    const headIdx = pi > 0 ? pi - 1 : lower.length - 1;
    const head = lower[headIdx];
    const headIsNoun = !isCapitalized(words[headIdx]);
    const possessiveBefore = last ? toks.some((t) => t.start === last.end && isPossessive(t)) : false;
    // Qualifiers that make an unnamed speaker identifiable: a nationality, a named entity, an adjective.
    const modifiers = lower.slice(det, headIdx).filter((w) => !/^(?:one|two|three|some|many|several|thousands|hundreds|dozens|of|other|another)$/.test(w) && !/^\d/.test(w));

    // "the company", "the agency": the organization of that kind spoken of last (this or the previous 2 paragraphs).
    if (toks.length === 2 && /^the$/i.test(words[0]) && COREF_ORG_NOUNS.has(lower[1])) {
      const para = sentences[si].paragraph;
      const from = paragraphs[Math.max(0, para - 2)].start;
      const cands = refsIn({ start: from, end: np.start }).filter((r) => r.kind === 'ORGANIZATION' && !r.adjective);
      const last = cands[cands.length - 1];
      const e = last ? entityOf(last.key) : null;
      return e ? speakerFromEntity(e) : null;
    }
    // "an adviser to <Person>", "a spokesperson for the commission"
    if (pi > 0 && headIsNoun && PERSON_ROLES.has(head)) {
      const prep = lower[pi];
      const complement = toks.slice(pi + 1);
      const ownerRef = named.filter((r) => r.start >= toks[pi].end).pop();
      let ownerName: string | null = null;
      let ownerCountry: string | null = null;
      if (ownerRef) {
        const owner = entityOf(ownerRef.key);
        ownerName = owner?.name ?? null;
        ownerCountry = owner?.country ?? null;
      } else {
        // "the commission" → the organization of that head named earlier ("European Commission").
        const lastWord = complement[complement.length - 1]?.text.toLowerCase();
        const earlier = refs.filter((r) => r.kind === 'ORGANIZATION' && r.end <= np.start && !r.adjective).reverse();
        for (const r of earlier) {
          const e = entityOf(r.key);
          if (e && lastWord && e.name.toLowerCase().split(/\s+/).pop() === lastWord) {
            ownerName = e.name;
            ownerCountry = e.country ?? null;
            break;
          }
        }
      }
      const roleWords = capitalizeFirst(words.slice(det, headIdx + 1).join(' '));
      const name = ownerName ? `${roleWords} ${prep} ${ownerName}` : capitalizeFirst(stripDet(spanText(text, np)));
      return roleEntity(name, 'PERSON', ownerCountry ?? nationality(toks, inside).country, np, [stripDet(spanText(text, np))]);
    }
    if (last && afterLast.length === 0) {
      const e = entityOf(last.key);
      return e ? speakerFromEntity(e) : null;
    }
    // "<Person>'s spokesman"
    if (last && possessiveBefore && PERSON_ROLES.has(head)) {
      const owner = entityOf(last.key);
      if (owner?.kind === 'PERSON') {
        const roleWords = afterLast.map((t) => t.text).join(' ');
        const prep = /^(?:spokes\w+|press secretary)$/i.test(roleWords) ? 'for' : /^(?:aide|adviser|advisor)$/i.test(roleWords) ? 'to' : 'of';
        const name = `${capitalizeFirst(roleWords)} ${prep} ${owner.name}`;
        return roleEntity(name, 'PERSON', owner.country ?? null, np, [stripDet(spanText(text, np))]);
      }
    }
    // Groups: "French authorities", "France's interior ministry", "Western governments".
    if (GROUP_NOUNS.has(head) || ORG_HEADS.has(head)) {
      if (!modifiers.length && !named.length) return null; // "witnesses", "officials": no one in particular
      const { country, rest } = nationality(toks, inside);
      const restWords = rest.map((t) => t.text);
      const isOrgName = restWords.some((w) => INSTITUTION_HEADS.has(w.toLowerCase()));
      const restText = isOrgName ? restWords.map((w) => capitalizeFirst(w)).join(' ') : restWords.join(' ');
      const dem = country ? gz.demonymOf(country) : null;
      const name = dem ? `${dem} ${restText}` : capitalizeFirst(stripDet(spanText(text, np)));
      if (!restText) return null;
      const orgCountry = country ?? named.map((r) => entityOf(r.key)?.country).find(Boolean) ?? null;
      return roleEntity(name, 'ORGANIZATION', orgCountry, np, [stripDet(spanText(text, np))], false);
    }
    // Unnamed people: "a French presidential aide", "a senior Interpol official".
    if (PERSON_ROLES.has(head) || TITLES.has(head)) {
      if (!modifiers.length && !named.length) return null; // "a protester", "the spokesman": no one identifiable
      const { country } = nationality(toks, inside);
      const orgCountry = named.map((r) => entityOf(r.key)?.country).find(Boolean) ?? null;
      const name = capitalizeFirst(stripDet(spanText(text, np)).replace(/[’]/g, "'"));
      return roleEntity(name, 'PERSON', country ?? orgCountry, np, []);
    }
    if (last) {
      const e = entityOf(last.key);
      return e ? speakerFromEntity(e) : null;
    }
    return null;
  }

  function stripDet(s: string): string {
    return s.replace(/^(?:the|a|an)\s+/i, '').trim();
  }

  /** The country a phrase's nationality word or possessive names, and the words after it. */
  function nationality(toks: Token[], inside: MentionRef[]): { country: string | null; rest: Token[] } {
    let country: string | null = null;
    let i = 0;
    while (i < toks.length && NP_DETERMINERS.has(toks[i].text.toLowerCase())) i++;
    for (let j = i; j < toks.length; j++) {
      const t = toks[j];
      const ref = inside.find((r) => r.start <= t.start && t.end <= r.end);
      const c = ref ? (entityOf(ref.key)?.kind === 'PLACE' ? entityOf(ref.key)?.country ?? null : null) : countryOf(t.text);
      if (c) {
        country = c;
        let k = j + 1;
        while (k < toks.length && (toks[k].start < (ref?.end ?? t.end) || isPossessive(toks[k]))) k++;
        return { country, rest: toks.slice(k) };
      }
      if (!TITLE_MODIFIERS.has(t.text.toLowerCase()) && !/^(?:senior|top|local|regional|western|eastern)$/i.test(t.text)) break;
    }
    return { country, rest: toks.slice(i) };
  }

  function roleEntity(name: string, kind: EntityKind, country: string | null, np: Span, aliases: string[], role = true): Speaker {
    const e = ensureEntity(entities, { kind, name, aliases: aliases.filter((a) => a && a !== name), role, country, mention: { start: np.start, end: np.end, text: spanText(text, np) } }, ctx);
    byKey.set(e.key, e);
    return speakerFromEntity(e);
  }

  function resolvePronoun(p: string, at: number, si: number): Speaker | null {
    const para = sentences[si].paragraph;
    const personal = p === 'he' || p === 'she';
    const wantKinds: EntityKind[] = personal ? ['PERSON'] : p === 'they' || p === 'it' ? ['ORGANIZATION', 'PLACE'] : [];
    if (!wantKinds.length) return null;
    // The most recent fitting speaker or mention, outside quotations, in this or the previous paragraph.
    const paraStart = paragraphs[Math.max(0, para - 1)].start;
    let best: { pos: number; sp: Speaker } | null = null;
    for (let i = attributions.length - 1; i >= 0; i--) {
      const a = attributions[i];
      if (a.paragraph < para - 1) break;
      if (!a.speaker || !wantKinds.includes(a.speaker.kind) || !a.np) continue;
      if (personal && !genderFits(p, entityOf(a.speaker.key)?.name ?? '')) continue;
      if (a.np.start < paraStart || a.np.start >= at) continue;
      if (!best || a.np.start > best.pos) best = { pos: a.np.start, sp: a.speaker };
    }
    for (const r of refsIn({ start: paraStart, end: at })) {
      if (r.start >= at || r.adjective || inQuote(r.start) || !wantKinds.includes(r.kind)) continue;
      if (r.kind === 'PLACE' && p !== 'it') continue;
      const e = entityOf(r.key);
      if (!e) continue;
      if (personal && !genderFits(p, e.name)) continue;
      if (!best || r.start > best.pos) best = { pos: r.start, sp: speakerFromEntity(e) };
    }
    return best?.sp ?? null;
  }

  // ---------------------------------------------------------------- saidAt inheritance and channel carry-over
  const sentenceChannel = new Map<number, string | null>();
  for (const [i, at] of attributions.entries()) {
    if (!at.speaker) continue;
    if (!at.explicitTime) {
      for (let j = i - 1; j >= 0; j--) {
        const p = attributions[j];
        if (p.paragraph < at.paragraph - 1) break;
        if (p.speaker?.key === at.speaker.key && p.explicitTime) {
          at.saidAt = p.saidAt;
          break;
        }
      }
    }
    if (!at.channel) at.channel = carriedChannel(at);
  }

  function carriedChannel(at: Attribution): string | null {
    const key = at.speaker!.key;
    for (let si = at.sentence - 1; si >= 0; si--) {
      const s = sentences[si];
      if (s.paragraph < at.paragraph - 3) break;
      const mentions = refsIn(s).some((r) => r.key === key && !r.adjective);
      if (!mentions) continue;
      // A sentence where someone else speaks describes their channel, not this speaker's.
      const speakers = attributions.filter((a) => a.sentence === si && a.speaker);
      if (speakers.length && !speakers.some((a) => a.speaker!.key === key)) continue;
      let ch = sentenceChannel.get(si);
      if (ch === undefined) {
        ch = detectChannel(stripQuotes(text.slice(s.start, s.end)));
        sentenceChannel.set(si, ch);
      }
      if (ch) return ch;
    }
    return null;
  }

  // ---------------------------------------------------------------- 4. Quotations
  const orphanQuotes: QuoteSpan[] = [];
  const carried = new Map<QuoteSpan, Attribution>();
  /** The sentence holding `pos` (or the next one), by binary search. */
  const sentenceOf = (pos: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].end > pos) {
        ans = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return ans;
  };
  let lastStandalone = null as { q: QuoteSpan; at: Attribution | null } | null;
  for (const q of quotes) {
    const sa = sentenceOf(q.start);
    const sb = sentenceOf(q.end - 1);
    const cands = attributions.filter((a) => a.sentence >= sa && a.sentence <= sb && a.speaker !== undefined);
    let pick: Attribution | undefined =
      cands.find((a) => a.np && (a.mode === 'after' || a.mode === 'before') && a.np.start >= q.end && /^[\s,]*$/.test(text.slice(q.end, a.np.start))) ??
      cands.find((a) => (a.mode === 'inverted' || a.mode === 'coord') && a.verb.start >= q.end && /^[\s,]*$/.test(text.slice(q.end, a.verb.start))) ??
      cands
        .filter((a) => a.content.start <= q.inner.start && q.inner.end <= a.content.end + 2 && a.mode !== 'after')
        .sort((x, y) => x.content.end - x.content.start - (y.content.end - y.content.start))[0] ??
      cands.filter((a) => a.mode === 'after' && a.content.start <= q.inner.start && q.inner.end <= a.content.end + 2)[0] ??
      cands.filter((a) => a.verb.start < q.start).sort((x, y) => y.verb.start - x.verb.start)[0] ??
      cands.filter((a) => a.verb.start > q.end).sort((x, y) => x.verb.start - y.verb.start)[0];
    if (!pick && !q.standalone && sa > 0 && sentences[sa - 1].paragraph === sentences[sa].paragraph) {
      // A quotation continuing the previous sentence's speaker: '"...," said X. "More words."'
      const prevAttrs = attributions.filter((a) => a.sentence === sa - 1 && a.speaker && a.quotes.length);
      pick = prevAttrs[prevAttrs.length - 1];
      if (pick) carried.set(q, pick);
    }
    if (!pick && q.standalone) {
      const prevQ: { q: QuoteSpan; at: Attribution | null } | null = lastStandalone && lastStandalone.q.paragraph === q.paragraph - 1 ? lastStandalone : null;
      if (prevQ?.at) pick = prevQ.at;
      else pick = carryFromPrevious(q) ?? undefined;
      if (pick) carried.set(q, pick);
    }
    if (q.standalone) lastStandalone = { q, at: pick ?? null };
    if (pick) pick.quotes.push(q);
    else if (q.standalone || wordCount(q.text) > 3) orphanQuotes.push(q);
  }

  function carryFromPrevious(q: QuoteSpan): Attribution | null {
    const prevPara = q.paragraph - 1;
    if (prevPara < 0) return null;
    const inPrev = attributions.filter((a) => a.paragraph === prevPara && a.speaker);
    if (!inPrev.length) return null;
    const p = paragraphs[prevPara];
    if (/:\s*$/.test(text.slice(p.start, p.end))) return inPrev[inPrev.length - 1];
    const stems = contentStems(q.text);
    let best: { a: Attribution; score: number } | null = null;
    for (const a of inPrev) {
      const speech = a.channel && !/^(?:reporters)$/.test(a.channel) ? 1 : 0;
      const overlap = [...contentStems(text.slice(a.content.start, a.content.end))].filter((x) => stems.has(x)).length;
      const score = speech * 2 + overlap;
      if (score > 0 && (!best || score > best.score)) best = { a, score };
    }
    return best?.a ?? null;
  }

  // ---------------------------------------------------------------- Statements
  const out: StatementRecord[] = [];
  const seen = new Set<string>();
  const cityRefsSet = new Set(refs.filter((r) => r.city));
  const evidenceFor = (at: Attribution | null, q: QuoteSpan | null): Span => {
    const idx: number[] = [];
    if (at) idx.push(at.sentence);
    if (q) idx.push(sentenceOf(q.start), sentenceOf(q.end - 1));
    const valid = idx.filter((i) => i >= 0);
    const a = sentences[Math.min(...valid)];
    const b = sentences[Math.max(...valid)];
    let end = b.end;
    if (q && q.end > end) end = q.end;
    return { start: Math.min(a.start, q?.start ?? a.start), end };
  };
  const about = (spans: Span[], speakerKey: string | null): string[] => {
    const keys: string[] = [];
    const inSpans = spans.flatMap((sp) => refsIn(sp)).sort((a, b) => a.start - b.start);
    for (const r of inSpans) {
      if (r.key === speakerKey || keys.includes(r.key)) continue;
      keys.push(r.key);
    }
    return keys;
  };
  const claimsFor = (claimText: string, offset: number, at: Attribution | null, span: Span) => {
    const speakerSide = at?.speaker ? at.speaker.country ?? at.speaker.key : null;
    const placesInside = refsIn(span).filter((r) => r.city).map((r) => ({ start: r.start, end: r.end, key: r.key }));
    let placeBefore: string | null = null;
    for (let i = firstRefAt(span.start) - 1; i >= 0; i--) {
      if (cityRefsSet.has(refs[i]) && refs[i].end <= span.start) {
        placeBefore = refs[i].key;
        break;
      }
    }
    return findClaims(claimText, { offset, speakerSide, placesInside, placeBefore, countryOf, times });
  };
  const push = (st: StatementRecord) => {
    if (seen.has(st.key)) return;
    seen.add(st.key);
    out.push(st);
  };

  for (const at of attributions) {
    const speakerKey = at.speaker?.key ?? null;
    const saidAt = at.saidAt ?? defaultSaid;
    for (const q of at.quotes) {
      const claims = claimsFor(q.text, q.inner.start, at, q.inner);
      const aboutKeys = about([q.inner, at.content], speakerKey);
      for (const c of claims) if (c.type === 'control' && !aboutKeys.includes(c.placeKey)) aboutKeys.push(c.placeKey);
      const isCarried = carried.get(q) === at;
      const evidence = isCarried
        ? { start: sentences[at.sentence].start, end: Math.max(q.end, sentences[sentenceOf(q.end - 1)]?.end ?? q.end) }
        : evidenceFor(at, q);
      push({
        key: statementKey(speakerKey, 'QUOTE', q.text),
        kind: 'QUOTE',
        text: q.text,
        quote: q.text,
        speakerKey,
        speakerText: at.speakerText,
        channel: at.channel,
        saidAt,
        saidInKey: saidIn(at),
        aboutKeys,
        evidence,
        claims,
      });
    }
    // Quotations inside the reported words replace them; a quotation carried from a later line does not.
    if (at.quotes.some((q) => carried.get(q) !== at)) continue;
    if (at.nested && !at.speaker) continue; // "investigators had told her ...": hers to report
    const content = stripLeading(text, at.content);
    if (wordCount(spanText(text, content)) < 3) continue;
    const reported = spanText(text, content).replace(/[.]+$/, '').trim();
    const claimSpan = { start: Math.min(at.verb.start, content.start), end: content.end };
    const claims = claimsFor(text.slice(claimSpan.start, claimSpan.end), claimSpan.start, at, content);
    const aboutKeys = about([content], speakerKey);
    for (const c of claims) if (c.type === 'control' && !aboutKeys.includes(c.placeKey)) aboutKeys.push(c.placeKey);
    push({
      key: statementKey(speakerKey, 'REPORTED', reported),
      kind: 'REPORTED',
      text: reported,
      quote: null,
      speakerKey,
      speakerText: at.speakerText,
      channel: at.channel,
      saidAt,
      saidInKey: saidIn(at),
      aboutKeys,
      evidence: evidenceFor(at, null),
      claims,
    });
  }
  for (const q of orphanQuotes) {
    const claims = claimsFor(q.text, q.inner.start, null, q.inner);
    push({
      key: statementKey(null, 'QUOTE', q.text),
      kind: 'QUOTE',
      text: q.text,
      quote: q.text,
      speakerKey: null,
      speakerText: null,
      channel: null,
      saidAt: defaultSaid,
      saidInKey: null,
      aboutKeys: about([q.inner], null),
      evidence: evidenceFor(null, q),
      claims,
    });
  }
  out.sort((a, b) => a.evidence.start - b.evidence.start);
  return { statements: out, entities };

  function saidIn(at: Attribution): string | null {
    // Only a stated place of speaking: "said in X", "speaking in X", "at a news conference in X".
    const sent = sentences[at.sentence];
    const near = text.slice(at.verb.start, Math.min(sent.end, Math.max(at.content.start, at.verb.end) + 40));
    const whole = text.slice(sent.start, sent.end);
    const tries: [RegExp, number, string][] = [
      [SAID_IN_RE, at.verb.start, near],
      [EVENT_IN_RE, sent.start, whole],
      [SPEAKING_IN_RE, sent.start, whole],
    ];
    for (const [re, offset, region] of tries) {
      if (re !== SAID_IN_RE && !/\b(?:in|from|at|to)\s+\p{Lu}/u.test(region)) continue;
      const m = re.exec(region);
      if (m) {
        const key = placeKeyAt(offset + m.index + m[0].length - m[1].length);
        if (key) return key;
      }
    }
    return null;
  }

  function placeKeyAt(pos: number): string | null {
    const r = refs.find((x) => x.start <= pos && pos < x.end && x.kind === 'PLACE' && !x.adjective);
    return r?.key ?? null;
  }
}

/** "she" cannot be a man's first name nor "he" a woman's (compromise's name lists); unknown names fit both. */
function genderFits(pronoun: string, name: string): boolean {
  const first = name.split(/\s+/)[0] ?? '';
  const tags = lexTags(first);
  if (pronoun === 'she') return !tags.includes('MaleName');
  if (pronoun === 'he') return !tags.includes('FemaleName');
  return true;
}

function wordCount(s: string): number {
  return (s.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []).length;
}

const EDGE_PUNCT = /[\s,;:—–-]/;
const LEAD_WORD = /^(?:and|but|while|although|though|as|after|that|according)\b/i;
const TRAIL_WORD = /\b(?:and|but|while|although|though|as|after|before|when|whereas|because|so|yet|which|where)$/i;

/** Trim connectors and punctuation from both ends of a span. */
function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  for (;;) {
    while (start < end && EDGE_PUNCT.test(text[start])) start++;
    const m = LEAD_WORD.exec(text.slice(start, Math.min(end, start + 12)));
    if (m && m[0].length < end - start) {
      start += m[0].length;
      continue;
    }
    break;
  }
  for (;;) {
    while (end > start && EDGE_PUNCT.test(text[end - 1])) end--;
    const m = TRAIL_WORD.exec(text.slice(Math.max(start, end - 10), end));
    const at = m ? end - m[0].length : -1;
    if (m && at > start && !/[\p{L}\p{N}]/u.test(text[at - 1])) {
      end = at;
      continue;
    }
    break;
  }
  return { start, end: Math.max(start, end) };
}

function stripLeading(text: string, s: Span): Span {
  const m = /^(?:that\s+)/i.exec(text.slice(s.start, s.end));
  return m ? { start: s.start + m[0].length, end: s.end } : s;
}

/** Stable statement key: speaker key + kind + normalized words. */
export function statementKey(speakerKey: string | null, kind: 'QUOTE' | 'REPORTED', words: string): string {
  return `statement:${stableHash(`${speakerKey ?? '-'}|${kind}|${normalizeForKey(words)}`)}`;
}

/** The publication day (or month, or year) marked uncertain: the narrowest span the report allows. */
function defaultSpan(ctx: ExtractContext): TimeSpanValue | null {
  if (!ctx.published || !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(ctx.published)) return null;
  return spanFromEdtf(`${ctx.published}?`, null) ?? (/^\d{4}-\d{2}-\d{2}$/.test(ctx.published) ? spanForDay(ctx.published, null) : null);
}

export const _internal = { trimSpan, wordCount, OPENING_QUOTE };
