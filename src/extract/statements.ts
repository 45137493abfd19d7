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
 * 8. Lines of their own: a soundbite header ("JANE ROE, MAYOR, SAYING:") before a quotation or a
 *    dash line ("— Jane Roe, deputy mayor") after a block quotation names its speaker; words
 *    single-quoted inside a quotation belong to the subject of the speech verb before them there
 *    ("She said to him, 'This ...'"), never to the outer speaker; title-case short quotations are
 *    names of works, not statements; a quotation interrupted by its own attribution is one
 *    statement. Definite descriptions ("the judge", "the spokeswoman", "the council") and
 *    honorific + surname ("Ms Roe") refer back to whom the document described so.
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
  isTitleWord,
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
  /** The verb frames a quotation ("dismissed the claims as "nonsense""): the quotation is the statement. */
  frame?: boolean;
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
  /** The occasion named after the verb ("after the premiere"): its noun, to date the statement. */
  occasion?: string;
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
const DATELINE = /^\s*\p{Lu}[\p{Lu}\s.'’-]+(?:,\s*[\p{L}\s.]+)?(?:,?\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s+/u;
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
/** Verbs that report speech only with a "that" clause: "The judge ruled that ...". */
const THAT_VERBS = new Set(
  'ruled rules concluded concludes maintained maintains contended contends countered counters suggested suggests testified testifies recalled recalls observed observes found finds agreed agrees disclosed discloses announced'.split(' '),
);
/** A script's soundbite header: "(SOUNDBITE) (English) JANE ROE, MAYOR OF X, SAYING:". */
const SOUNDBITE_RE = /^(?:(?:SOUNDBITE|SOT|UPSOUND)\s*:?\s*)?(?:\([^)]{1,40}\)\s*)*([\p{Lu}][\p{Lu}\p{M}’'.-]*(?:\s+[\p{Lu}][\p{Lu}\p{M}’'.-]*){1,4})\s*(,\s*[^:]{1,120}?)?(,?\s*(?:SAYING|SAYS|SAID|saying|says|said))?\s*:\s*$/u;
/** The same header with the name in ordinary case; then "saying:" is required ("Jane Roe, mayor, saying:"). */
const SOUNDBITE_MIXED_RE = /^(?:(?:SOUNDBITE|SOT|UPSOUND)\s*:?\s*)?(?:\([^)]{1,40}\)\s*)*(\p{Lu}\p{Ll}[\p{L}\p{M}’'.-]*(?:\s+\p{Lu}[\p{L}\p{M}’'.-]*){1,3})(,\s*[^:]{1,120}?)(,?\s*(?:saying|says|said))\s*:\s*$/u;
/** An attribution line after a block quotation: "— Jane Roe, deputy mayor". */
const DASH_LINE_RE = /^[—–―-]{1,2}\s*(\p{Lu}[\p{L}\p{M}’'.-]*(?:\s+(?:(?:de|da|van|von|al|bin|le|la)\s+)?\p{Lu}[\p{L}\p{M}’'.-]*){1,3})(?=\s*(?:,|$))/u;
/** An occasion of speaking after the verb: "at a cabinet meeting", "after the premiere". */
const OCCASION_RE =
  /^(?:at|during|after|before)\s+(?:a|an|his|her|their|its|the|this)\s+(?:[\p{L}-]+\s+){0,3}?(meeting|hearing|session|rally|summit|ceremony|event|debate|vigil|premiere|screening|launch|visit|forum|conference|gathering|dinner|funeral|memorial|match|game|trial|sitting)\b/iu;
/** Parties that speak as one in a trial or an inquiry ("Prosecutors argued", "police said"). */
const PARTY_NOUNS = new Set(['prosecutors', 'prosecution', 'defence', 'defense', 'police', 'investigators', 'court', 'jury', 'army', 'military', 'navy']);
/** Nouns that head a speaker phrase besides roles and organization heads: "the companies said", "cycling's governing body said". */
const SPEAKER_NOUNS = new Set(['companies', 'firms', 'lenders', 'carriers', 'insurers', 'regulator', 'regulators', 'watchdog', 'body', 'organisers', 'organizers', 'sides', 'partners', 'owners', 'operator', 'operators']);
/** Words that describe a medium before its name: "the public broadcaster X", "local radio station X". */
const MEDIUM_WORDS = new Set(['public', 'state', 'state-run', 'state-owned', 'national', 'local', 'private', 'commercial', 'regional', 'independent', 'online', 'news', 'broadcaster', 'radio', 'station', 'television', 'channel', 'newspaper', 'daily', 'weekly', 'network', 'outlet', 'agency', 'magazine', 'paper', 'website']);
/** Heads of organizations that sit in a place ("the Embassy in X", "the Ministry in X"). */
const PLACED_HEADS = new Set([...ORG_HEADS, 'embassy', 'consulate', 'mission', 'delegation', 'legation', 'representation']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
/** Verbs that frame a quotation as their object's description ("dismissed the claims as "nonsense""). */
const FRAME_VERBS = new Set(['criticised', 'criticized', 'criticises', 'criticizes', 'condemned', 'condemns', 'dismissed', 'dismisses', 'branded', 'brands', 'labelled', 'labeled', 'hailed', 'hails', 'slammed', 'slams', 'denounced', 'denounces', 'termed', 'praised', 'praises', 'blasted']);
/** Unnamed sources: "a source close to ...", "people familiar with ...". */
const SOURCE_HEADS = new Set(['source', 'sources', 'person', 'people', 'insider', 'insiders', 'official', 'officials', 'diplomat', 'diplomats']);
const CONNECTORS = new Set([',', ';', 'and', 'but', 'while', 'although', 'though', 'as', '-', '–', '—', 'after', 'before', 'when', 'whereas', 'because', 'so', 'yet', 'which', 'where']);
const QUOTE_CHARS = /^["“”„«»‘’]$/;
const OPENING_QUOTE = /^["“„«‘]$/;
const SPEECH_EVENT_RE =
  /\b(?:in|during|at|via|through|with|on)\s+(?:a|an|his|her|their|its|the|one)\s+(?:[\p{L}-]+\s+){0,3}?((?:(?:televised|telephone|phone|video|written|recorded|radio|television|tv|online|joint|emailed|signed|earnings|conference)\s+)?(?:news conference|press conference|press briefing|address|speech|interview|statement|submission|advisory|briefing|video|op-ed|broadcast|podcast|remarks|post|email|e-mail|text message|letter|note|call))\b/iu;
/** A medium after "by": "said by telephone", "told by video link". */
const BY_MEDIUM_RE = /^(?:(?:satellite\s+)?tele?phone|phone|video(?:\s*link)?|email|e-mail|text(?:\s+message)?|letter|radio)\b/i;
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
  const told = /\b(?:told|tells|telling|tell|said\s+to|speaking\s+to|in\s+an\s+interview\s+with)\s+(?:the\s+)?((?:(?:public|state|state-run|state-owned|national|local|private|commercial|regional|independent|online|news)\s+)*(?:broadcaster|radio(?:\s+station)?|station|television(?:\s+channel)?|tv(?:\s+channel)?|channel|newspaper|daily|weekly|network|outlet|news\s+agency|agency|magazine|paper|website|broadcaster)\s+)?(\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,3})/u.exec(region);
  if (told && /^\p{Lu}/u.test(told[2])) {
    // A sentence's full stop is not part of the name ("told ZDF."); an acronym's dots are ("U.S.").
    const w = /(?:\p{Ll}|\p{Lu}{2})\.$/u.test(told[2]) ? told[2].slice(0, -1) : told[2];
    // "told the public broadcaster ERT", "told local radio station Caracol": a medium named as such.
    if (told[1]) return w;
    // "told Radio New Zealand (RNZ)": a name that says it is a broadcaster.
    if (/^(?:Radio|Television|TV)\b/.test(w) && w.split(/\s+/).length >= 2) return w;
    const ref = refs.find((r) => r.kind === 'ORGANIZATION' && w.startsWith(r.text));
    if (ref) return ref.text;
    if (BROADCASTER_SET.has(w.toLowerCase())) return w;
  }
  const named = /address|speech/.test(region) ? NAMED_SPEECH_RE.exec(region) : null;
  if (named && /\p{Lu}/u.test(named[1]) && named[1].trim().split(/\s+/).length >= 2) return `${named[1].trim()} ${named[2]}`;
  const ev = /\b(?:in|during|at|via|through|with|on)\s/i.test(region) ? SPEECH_EVENT_RE.exec(region) : null;
  if (ev) return ev[1].toLowerCase();
  const conf = CONFERENCE_RE.exec(region);
  if (conf) return conf[1].toLowerCase();
  const by = /\bby\s+((?:satellite\s+)?(?:tele)?phone|video\s*link|email|e-mail|text message|letter|radio)\b/i.exec(region);
  if (by) return by[1].toLowerCase();
  if (/\btold\s+reporters\b/i.test(region)) return 'reporters';
  return null;
}

function spanText(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}

/** Attribute statements in a document. Pure: returns new statement and entity lists. */
export function attributeStatements(input: StatementInput): StatementOutput {
  /** Bare names read as places that the text showed to be people (see resolveSpeaker). */
  const personified = new Map<string, Speaker>();
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
  const defaultSaid = datelineSpan() ?? defaultSpan(ctx);

  /** The day a dateline gives ("NAIROBI, June 6 (Reuters) -"), marked uncertain: the day of filing. */
  function datelineSpan(): TimeSpanValue | null {
    for (const p of paragraphs.slice(0, 6)) {
      const m = DATELINE.exec(text.slice(p.start, Math.min(p.end, p.start + 80)));
      if (!m) continue;
      const t = times.find((x) => x.start >= p.start && x.end <= p.start + m[0].length);
      const day = t && t.span.earliest.slice(0, 10) === t.span.latest.slice(0, 10) ? t.span.earliest.slice(0, 10) : null;
      return day ? spanFromEdtf(`${day}?`, null) : null;
    }
    return null;
  }
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

    const surnameLike = (j: number) => j > 0 && isCapitalized(tokens[j].text) && isCapitalized(tokens[j - 1].text) && lexTags(tokens[j - 1].text.toLowerCase()).some((x) => /FirstName|MaleName|FemaleName/.test(x));
    const npToken = (j: number): boolean => {
      const t = tokens[j];
      if (!t || inQuote(t.start)) return false;
      if (isPossessive(t)) return true;
      if (t.kind !== 'word') return false;
      const lw = t.text.toLowerCase();
      if (NP_DETERMINERS.has(lw)) return true;
      const capRef = (x: Token | undefined) => !!x && isCapitalized(x.text) && !refs.some((r) => r.start <= x.start && x.end <= r.end && (r.kind === 'PERSON' || r.kind === 'PLACE'));
      // Name particles between capitalized words: "Banco de Portugal", "Ludwig van Beethoven".
      if (/^(?:de|da|do|dos|das|del|della|di|du|des|van|von|der|den|al|el|bin|ibn|la|le)$/.test(t.text) && isCapitalized(tokens[j - 1]?.text ?? '') && isCapitalized(tokens[j + 1]?.text ?? '')) return true;
      // "Chamber of Commerce and Industry of X": "of"/"and" inside a capitalized name.
      if ((lw === 'of' || lw === 'and') && capRef(tokens[j - 1]) && isCapitalized(tokens[j + 1]?.text ?? '') && (lw === 'of' || capRef(tokens[j + 1]))) return true;
      // "Police in Manchester said": a group at the start of its clause, qualified by a place.
      if ((lw === 'in' || lw === 'at' || lw === 'from') && GROUP_NOUNS.has(tokens[j - 1]?.text.toLowerCase() ?? '') && isCapitalized(tokens[j + 1]?.text ?? '')) {
        const before = tokens[j - 2];
        return !before || !/^[\p{L}\p{N}]/u.test(before.text) || NP_DETERMINERS.has(before.text.toLowerCase());
      }
      // "The U.S. Embassy in X said": an organization head qualified by the place it sits in.
      if ((lw === 'in' || lw === 'at' || lw === 'from') && isCapitalized(tokens[j - 1]?.text ?? '') && PLACED_HEADS.has(tokens[j - 1].text.toLowerCase()) && refs.some((r) => r.kind === 'PLACE' && r.start === tokens[j + 1]?.start)) return true;
      if (lw === 'of' || lw === 'to' || lw === 'for') {
        const left = tokens[j - 1]?.text.toLowerCase() ?? '';
        return PERSON_ROLES.has(left) || GROUP_NOUNS.has(left) || ORG_HEADS.has(left) || TITLES.has(left);
      }
      // "Centers for Disease Control and Prevention": "and" between capitalized words of one name.
      if (lw === 'and' && isCapitalized(tokens[j - 1]?.text ?? '') && isCapitalized(tokens[j + 1]?.text ?? '') && refMask[t.start] === 1) return true;
      // A capitalized word after a capitalized first name is a surname, even when it is also an
      // auxiliary or a month ("Theresa May").
      if (surnameLike(j)) return true;
      if (FUNCTION_WORDS.has(lw)) return false;
      if (inTime(t)) return false;
      if (isCapitalized(t.text)) {
        const tags = lexTags(lw);
        if (tags.some((x) => /Adverb|Conjunction|Preposition|QuestionWord/.test(x))) return false;
        return true;
      }
      if (PERSON_ROLES.has(lw) || GROUP_NOUNS.has(lw) || TITLES.has(lw) || TITLE_MODIFIERS.has(lw) || ORG_HEADS.has(lw)) return true;
      if (REPORTING_VERBS.has(lw)) return false;
      // A noun before a group or role noun modifies it, even one the lexicon also reads as a verb
      // ("human rights groups", "aid workers").
      const nextLw = tokens[j + 1]?.text.toLowerCase() ?? '';
      if ((GROUP_NOUNS.has(nextLw) || PERSON_ROLES.has(nextLw)) && tokens[j + 1]?.kind === 'word' && !/(?:ed|ing|ly)$/.test(lw)) return true;
      const tags = lexTags(lw);
      if (tags.some((x) => /Verb|PastTense|PresentTense|Infinitive|Gerund|Modal|Copula|Preposition|Conjunction|Adverb|Determiner|Pronoun|QuestionWord|Cardinal|Value/.test(x))) return false;
      if (/ly$/.test(lw)) return false;
      return true;
    };

    const validNP = (a: number, b: number): boolean => {
      for (let j = a; j <= b; j++) {
        const t = tokens[j];
        const lw = t.text.toLowerCase();
        if (PERSON_ROLES.has(lw) || GROUP_NOUNS.has(lw) || ORG_HEADS.has(lw) || SPEAKER_NOUNS.has(lw) || (TITLES.has(lw) && !isCapitalized(t.text))) return true;
        if (t.kind === 'word' && isCapitalized(t.text) && !NP_DETERMINERS.has(lw) && (covered(t) || (j > firstWordIdx && !isCommonNoun(lw)))) return true;
        if (covered(t) || surnameLike(j)) return true;
        // "Mr Reed": a capitalized word after an honorific is a surname even when it is also a common noun.
        if (j > a && isCapitalized(t.text) && /^(?:mr|mrs|ms|miss|dr|prof|mx)\.?$/i.test(tokens[j - 1].text)) return true;
      }
      return false;
    };

    /** The noun phrase ending just before token `vi` (after skipping auxiliaries, dates, appositives). */
    const leftNP = (vi: number): { a: number; b: number } | null => {
      let j = vi - 1;
      while (j >= 0 && (AUX.has(tokens[j].text.toLowerCase()) || inTime(tokens[j])) && !surnameLike(j)) j--;
      // A short parenthesis after the speaker is skipped: "the Global Water Partnership (GWP) said",
      // "Senator Jane Doe (D-Ohio) said".
      if (tokens[j]?.text === ')') {
        let k = j - 1;
        while (k >= 0 && j - k <= 6 && tokens[k].text !== '(' && tokens[k].text !== ')') k--;
        if (k > 0 && tokens[k].text === '(' && j - k > 1) j = k - 1;
      }
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
        // "Yvonne d'Entremont": a person named by the end of a capitalized appositive.
        const endsWithPerson = refsIn({ start: seg[0].start, end: seg[seg.length - 1].end }).some((r) => r.kind === 'PERSON' && !r.role && r.end >= seg[seg.length - 1].end);
        const nameLike = (t: Token) => isCapitalized(t.text) || /^(?:d|l|o)['’]\p{Lu}/u.test(t.text) || t.kind !== 'word' || /^(?:de|da|van|von|al|bin|d|of)$/i.test(t.text);
        // "Yvonne d'Entremont": a first name and capitalized words, a person the recognizer missed.
        // "Tom Reyes of Delta Securities": the person before "of" is the speaker.
        const ofAt = seg.findIndex((t, i) => i >= 2 && t.text === 'of');
        const nameSeg = ofAt > 0 ? seg.slice(0, ofAt) : seg;
        const firstNamed = nameSeg.length >= 2 && nameSeg.length <= 4 && seg.length <= 8 && lexTags(seg[0].text.toLowerCase()).some((x) => /FirstName|MaleName|FemaleName/.test(x)) && seg.every(nameLike);
        if (firstNamed) return { a: k + 1, b: k + nameSeg.length };
        if (endsWithPerson && seg.length <= 5 && seg.every((t) => isCapitalized(t.text) || t.kind !== 'word' || /^(?:de|da|van|von|al|bin|d)$/i.test(t.text))) return { a: k + 1, b: j - 1 };
        // "The UN refugee agency, UNHCR, said": a named organization in apposition is the speaker.
        const org = refsIn({ start: seg[0].start, end: seg[seg.length - 1].end }).find((r) => r.kind === 'ORGANIZATION' && !r.adjective && r.start <= seg[0].start && r.end >= seg[seg.length - 1].end);
        if (org && seg.length <= 6) return { a: k + 1, b: j - 1 };
        const age = seg.length === 1 && seg[0].kind === 'number';
        // "X, meanwhile, said" / "X, for his part, said"
        // "Roe, asked about strikes, said": a participle clause is an aside too.
        const participle = seg.length <= 8 && seg[0].kind === 'word' && !isCapitalized(seg[0].text) && /^(?:asked|pressed|speaking|writing|responding|reacting|questioned|interviewed|quoted|visiting|addressing|appearing)$/i.test(seg[0].text);
        const aside = participle || seg.length <= 4 && seg.every((t) => t.kind === 'word' && !isCapitalized(t.text) && (lexTags(t.text).includes('Adverb') || /^(?:meanwhile|however|too|also|though|in|turn|for|his|her|their|its|part|instead|separately|earlier|later|then)$/i.test(t.text)));
        // "Mary Roe, Acme's chief executive, told ...": a description with a role word.
        const described = seg.some((t) => !isCapitalized(t.text) && (PERSON_ROLES.has(t.text.toLowerCase()) || TITLES.has(t.text.toLowerCase())));
        // "the National Office of X, known as ONPE, said": another name for the same speaker.
        const alsoKnown = /^(?:known|also|called|formerly|officially|abbreviated)$/i.test(seg[0].text);
        if (k > 0 && tokens[k].text === ',' && (age || aside || described || alsoKnown || /^(?:the|a|an|who|which|whose|his|her|their|its|himself|herself|itself)$/i.test(seg[0].text))) {
          j = k - 1;
          // "Ana Rivera, 52, a teacher, said": an age before the description.
          if (!age && tokens[j]?.kind === 'number' && tokens[j - 1]?.text === ',') j -= 2;
        } else return null;
      }
      const b = j;
      // "A source close to the talks said", "two officials familiar with the matter said": an unnamed
      // source and what it is close to.
      for (let k = b - 1; k >= 1 && b - k <= 10; k--) {
        const w = tokens[k].text.toLowerCase();
        const nextW = tokens[k + 1]?.text.toLowerCase();
        const post = (w === 'close' && nextW === 'to') || (w === 'familiar' && nextW === 'with') || (w === 'briefed' && nextW === 'on') ||
          (w === 'knowledge' && nextW === 'of' && tokens[k - 1].text.toLowerCase() === 'with');
        if (!post) continue;
        let h = w === 'knowledge' ? k - 2 : k - 1;
        const head = tokens[h]?.text.toLowerCase() ?? '';
        if (!(SOURCE_HEADS.has(head) || PERSON_ROLES.has(head) || GROUP_NOUNS.has(head))) break;
        // ... with its determiner, number and adjectives: "a senior European diplomat", "two people".
        const modifier = (t: Token) =>
          NP_DETERMINERS.has(t.text.toLowerCase()) || t.kind === 'number' || /^(?:one|two|three|four|five|several|other|senior|junior|top|former|western|eastern|foreign|local|european|arab|african|asian|latin)$/i.test(t.text) || lexTags(t.text.toLowerCase()).includes('Adjective') || !!countryOf(t.text);
        while (h >= 1 && b - h < 14 && tokens[h - 1].kind === 'word' && modifier(tokens[h - 1])) h--;
        return { a: h, b };
      }
      // The head right before the verb, after a determiner, is a noun even when the lexicon reads it as
      // a verb: "a spokeswoman for the trust said".
      if (j >= 1 && !npToken(j) && tokens[j].kind === 'word' && !isCapitalized(tokens[j].text) && !FUNCTION_WORDS.has(tokens[j].text.toLowerCase()) && !REPORTING_VERBS.has(tokens[j].text.toLowerCase()) && !inTime(tokens[j]) && NP_DETERMINERS.has(tokens[j - 1].text.toLowerCase())) j--;
      while (j >= 0 && npToken(j) && b - j < 12) j--;
      // A noun the lexicon also reads as a verb, after a determiner: "the rights group X".
      if (j >= 1 && tokens[j].kind === 'word' && !isCapitalized(tokens[j].text) && !REPORTING_VERBS.has(tokens[j].text.toLowerCase()) && /^(?:the|a|an)$/i.test(tokens[j - 1].text) && b > j) j -= 2;
      let a = j + 1;
      while (a <= b && /^(?:of|to|for)$/i.test(tokens[a].text)) a++;
      while (a <= b && isPossessive(tokens[a])) a++;
      if (a > b || !validNP(a, b)) return null;
      // "Residents in X said": a place after a preposition is not the subject; take the noun before it.
      if (a >= 2 && /^(?:in|from|at|near)$/i.test(tokens[a - 1].text) && tokens[a - 2].kind === 'word' && !FUNCTION_WORDS.has(tokens[a - 2].text.toLowerCase())) {
        const place = refs.find((r) => r.kind === 'PLACE' && r.start <= tokens[a].start && r.end >= tokens[b].end);
        if (place) {
          let h = a - 2;
          while (h >= 1 && tokens[h - 1].kind === 'word' && NP_DETERMINERS.has(tokens[h - 1].text.toLowerCase())) h--;
          return { a: h, b };
        }
      }
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

    // A dateline opening the story ("NAIROBI, Kenya (AP) — ") is no subject.
    const dateline = si === 0 || s.paragraph !== sentences[si - 1]?.paragraph ? DATELINE.exec(text.slice(s.start, s.end)) : null;
    const firstAfterDateline = dateline ? Math.max(0, tokens.findIndex((t) => t.start >= s.start + dateline[0].length)) : 0;
    /**
     * The token after a reporting verb's tail: dates, tail words ("said on Monday", "said earlier"),
     * and after "told" the one addressed ("told broadcaster ZDF", "told the Guardian", "told reporters").
     */
    const pastAttributionTail = (vi: number): number => {
      let k = vi + 1;
      const skipTail = () => {
        while (k < tokens.length && (inTime(tokens[k]) || ATTRIBUTION_TAIL.has(tokens[k].text.toLowerCase()))) k++;
      };
      skipTail();
      if (/^(?:told|tells)$/i.test(tokens[vi].text)) {
        let j = k;
        if (tokens[j]?.text.toLowerCase() === 'the') j++;
        while (tokens[j] && j - k < 5 && MEDIUM_WORDS.has(tokens[j].text.toLowerCase())) j++;
        if (tokens[j] && isCapitalized(tokens[j].text)) {
          while (tokens[j] && isCapitalized(tokens[j].text) && j - k < 8) j++;
          k = j;
        } else if (tokens[j] && /^(?:reporters|journalists)$/i.test(tokens[j].text)) k = j + 1;
        skipTail();
      }
      return k;
    };
    /** The subject of the sentence: the first noun phrase. */
    const subjectNP = (before: number): { a: number; b: number } | null => {
      let j = firstAfterDateline;
      while (j < before && !(npToken(j) || (tokens[j].kind === 'word' && PRONOUNS.has(tokens[j].text.toLowerCase())))) j++;
      if (j >= before) return null;
      if (PRONOUNS.has(tokens[j].text.toLowerCase())) return { a: j, b: j };
      const a = j;
      while (j < before && npToken(j)) j++;
      const b = j - 1;
      if (!validNP(a, b)) return null;
      // "Iran's foreign ministry spokesman, Nasser Kanaani, condemned ..., calling it": the name in apposition.
      if (tokens[b + 1]?.text === ',' && b + 2 < before) {
        const person = refs.find((r) => r.kind === 'PERSON' && !r.role && !r.adjective && r.start === tokens[b + 2].start);
        const close = person ? tokens.findIndex((t, i) => i > b + 2 && t.start >= person.end) : -1;
        if (person && close > 0 && close < before && tokens[close].text === ',') return { a: b + 2, b: close - 1 };
      }
      return { a, b };
    };

    for (let vi = 0; vi < tokens.length; vi++) {
      const t = tokens[vi];
      if (t.kind !== 'word' || t.text.length < 3) continue;
      const lw = t.text.toLowerCase();
      const thatVerb = THAT_VERBS.has(lw) && tokens[vi + 1]?.text.toLowerCase() === 'that';
      // "criticised the plan as "too little, too late"": a verb that frames a quotation after it.
      const frame = FRAME_VERBS.has(lw) && tokens.slice(vi + 1).some((x) => QUOTE_CHARS.test(x.text));
      if (!REPORTING_VERBS.has(lw) && !thatVerb && !frame && lw !== 'according' && lw !== 'put' && lw !== 'made') continue;
      if (inQuote(t.start)) continue;
      const prev = tokens[vi - 1]?.text.toLowerCase() ?? '';
      const next = tokens[vi + 1]?.text.toLowerCase() ?? '';
      let mode: Mode | null = null;
      let np: { a: number; b: number } | null = null;
      if (lw === 'according' && next === 'to') {
        // "according to a statement from the prison service": the source is after the document word.
        let from = vi + 2;
        const doc = /^(?:a|an|the)\s+(?:[\p{L}-]+\s+)?(?:statement|report|release|post|announcement|letter|video|message|tally|count|estimates?|figures?|data|assessment|analysis|survey|study|review|document|filing|submission)\s+(?:from|by|of|issued by|released by|published by|seen by)\s+/iu.exec(
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
      } else if (lw === 'put' && /^the\s+(?:(?:number|toll|tally|count|figure)\s+of\s+[\p{L}-]+|(?:death|casualty)\s+toll)\s+at\b/iu.test(text.slice(tokens[vi + 1]?.start ?? s.end, s.end))) {
        // "The RSF put the number of dead at 12": an estimate reported.
        np = leftNP(vi);
        if (np) mode = 'before';
      } else if (lw === 'made' && (next === 'clear' || (next === 'it' && tokens[vi + 2]?.text.toLowerCase() === 'clear'))) {
        np = leftNP(vi);
        if (np) mode = 'before';
      } else {
        const kind = REPORTING_VERBS.get(lw) ?? (thatVerb || frame ? 'finite' : undefined);
        if (!kind || isCapitalized(t.text)) continue;
        if (DETERMINERS.has(prev) || BE.has(prev)) continue;
        // "confirmed by the ministry" is passive; "said by telephone" is not.
        if (next === 'by' && !BY_MEDIUM_RE.test(text.slice(tokens[vi + 2]?.start ?? s.end, s.end))) continue;
        if ((lw === 'called' || lw === 'calls' || lw === 'calling') && /^(?:off|up|in|out)$/.test(next)) continue;
        if (kind === 'participle') {
          mode = 'participle';
        } else {
          np = leftNP(vi);
          // A relative clause: "the figure given by the RSF, which said ..." — the noun phrase before the comma.
          if (!np && (prev === 'which' || prev === 'who') && tokens[vi - 2]?.text === ',') np = leftNP(vi - 2);
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
      if (mode === 'before' && np) {
        // "..., Fisheries and Aquaculture Minister Laura MacIsaac said.": a closing attribution's
        // name runs back to the comma.
        let k = pastAttributionTail(vi);
        if (k >= tokens.length || /^[.!?,]$/.test(tokens[k].text)) {
          let a = np.a;
          while (a > 0 && np.a - a < 8 && tokens[a - 1].kind === 'word' && (isCapitalized(tokens[a - 1].text) || /^(?:and|of|the|for|&)$/i.test(tokens[a - 1].text)) && !inQuote(tokens[a - 1].start)) a--;
          while (a < np.a && /^(?:and|of|for|&)$/i.test(tokens[a].text)) a++;
          if (a < np.a && /^[,”"’]$/.test(tokens[a - 1]?.text ?? '')) np = { a, b: np.b };
        }
      }

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
        if (!speaker && !npSpan) continue;
      }
      if (mode === 'before' && np) {
        // A verb with nothing but a date after it closes its clause: "..., X said." / "..., X said,
        // adding ..." — the content is before it (when there is any).
        let k = pastAttributionTail(vi);
        const atEnd = k >= tokens.length || /^[.!?]$/.test(tokens[k].text);
        const before = text.slice(local.length ? local[local.length - 1].verb.end : s.start, tokens[np.a].start);
        if ((atEnd || tokens[k]?.text === ',') && /[,”"’]\s*$/.test(before) && wordCount(before) >= 2) mode = 'after';
      }
      local.push({
        frame: frame && !REPORTING_VERBS.has(lw),
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
        if (w === 'by' && tokens[k + 1]) {
          const m = BY_MEDIUM_RE.exec(text.slice(tokens[k + 1].start, s.end));
          if (m) {
            const end = tokens[k + 1].start + m[0].length;
            while (k < tokens.length && tokens[k].start < end) k++;
            continue;
          }
        }
        if ((w === 'on' || w === 'via') && tokens[k + 1] && PLATFORMS.some((p) => p.toLowerCase() === tokens[k + 1].text.toLowerCase())) {
          k += 2;
          continue;
        }
        if (/^(?:in|at|during|via|on)$/.test(w) && /^(?:a|an|his|her|their|its|the)$/i.test(tokens[k + 1]?.text ?? '')) {
          const m = SPEECH_EVENT_RE.exec(text.slice(tokens[k].start, Math.min(s.end, tokens[k].start + 80)));
          if (m && m.index === 0) {
            // ... and where it was held: "at a news conference in Rome".
            const where = /^\s+(?:in|at)\s+\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)?/u.exec(text.slice(tokens[k].start + m[0].length, s.end));
            const end = tokens[k].start + m[0].length + (where ? where[0].length : 0);
            while (k < tokens.length && tokens[k].start < end) k++;
            continue;
          }
        }
        if (/^(?:at|during|after|before)$/.test(w) && /^(?:a|an|his|her|their|its|the|this)$/i.test(tokens[k + 1]?.text ?? '')) {
          // The occasion: "said at a cabinet meeting yesterday:", "told the audience after the premiere".
          const m = OCCASION_RE.exec(text.slice(tokens[k].start, Math.min(s.end, tokens[k].start + 80)));
          if (m) {
            at.occasion = m[1].toLowerCase();
            const end = tokens[k].start + m[0].length;
            while (k < tokens.length && tokens[k].start < end) k++;
            continue;
          }
        }
        if (/^(?:told|tells|tell|telling)$/.test(lw) && guard === 0) {
          // The addressee: "the BBC", "Reuters", "reporters", "residents".
          let j = k;
          if (tokens[j]?.text.toLowerCase() === 'the') j++;
          // "told the public broadcaster ERT", "told local radio station Caracol"
          let d = j;
          while (tokens[d] && d - j < 4 && MEDIUM_WORDS.has(tokens[d].text)) d++;
          if (d > j && tokens[d] && isCapitalized(tokens[d].text)) j = d;
          if (tokens[j] && isCapitalized(tokens[j].text)) {
            while (tokens[j] && isCapitalized(tokens[j].text)) j++;
            k = j;
            continue;
          }
          if (tokens[j] && /^(?:reporters|journalists|residents|lawmakers|parliament|supporters|citizens|people|viewers|listeners|analysts|investors|shareholders|employees|staff|students|delegates|members|senators|legislators|him|her|them|us|me)$/i.test(tokens[j].text)) {
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
      if (!t && at.occasion) t = occasionTime(at.occasion, s.start) ?? undefined;
      // "told reporters at his headquarters on Monday afternoon that ...": a date in a
      // prepositional phrase between the verb's complements and "that".
      if (!t && at.mode !== 'after') {
        const head = text.slice(at.content.start, Math.min(at.content.end, at.content.start + 100));
        const that = /^(?:at|in|during|after|from|outside|on)\b[^.;:"“”]*?\s(?:that)\s/i.exec(head);
        if (that) t = times.find((m) => m.start >= at.content.start && m.end <= at.content.start + that[0].length);
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

  /** The date the text gave the occasion earlier: "its premiere in Leeds on Tuesday" for "after the premiere". */
  function occasionTime(noun: string, before: number): TimeMention | null {
    const re = new RegExp(`\\b${noun}\\b`, 'gi');
    const head = text.slice(0, before);
    let found: TimeMention | null = null;
    let m: RegExpExecArray | null;
    while ((m = re.exec(head))) {
      const from = m.index + m[0].length;
      const sEnd = sentences[sentenceOf(m.index)]?.end ?? from;
      const t = times.find((x) => x.start >= from && x.start - from <= 40 && x.end <= sEnd);
      if (t) found = t;
    }
    return found;
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
    // "Roe, who leads the party, told reporters": a bare name the recognizer read as a place is a
    // person when a "who" clause describes it (and stays that person later in the document).
    if (named.length === 1 && named[0].kind === 'PLACE' && named[0].start === np.start && named[0].end === np.end && toks.length === 1) {
      const name = spanText(text, np);
      const known = personified.get(name);
      if (known) return known;
      if (/^\s*,\s*who\b/.test(text.slice(np.end, np.end + 8))) {
        const sp = roleEntity(name, 'PERSON', null, np, [], false);
        personified.set(name, sp);
        return sp;
      }
    }
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

    // "Police in Manchester", "officials in Kyiv": a group qualified by its place, not the place.
    if (named.length && named.every((r) => r.kind === 'PLACE') && GROUP_NOUNS.has(lower[det]) && /^(?:in|at|from)$/.test(lower[det + 1] ?? '')) {
      const place = entityOf(named[named.length - 1].key);
      return roleEntity(capitalizeFirst(stripDet(spanText(text, np))), 'ORGANIZATION', place?.country ?? null, np, [], true);
    }
    // "The U.S. Embassy in X", "a spokesman for the ministry from X": a place inside a
    // prepositional phrase qualifies the speaker, it never speaks; the head before it does.
    const prepIdx = lower.findIndex((w, i) => i > det && /^(?:in|from|at|near)$/.test(w));
    if (prepIdx > det) {
      const afterPrep = named.filter((r) => r.start >= toks[prepIdx].end);
      if (afterPrep.length && afterPrep.every((r) => r.kind === 'PLACE')) {
        const headToks = toks.slice(0, prepIdx);
        const headSpan = { start: np.start, end: toks[prepIdx - 1].end };
        const sub = resolveSpeaker(headSpan, headToks, si);
        if (sub && sub.kind !== 'PLACE') return sub;
        if (isCapitalized(words[prepIdx - 1]) && PLACED_HEADS.has(lower[prepIdx - 1])) {
          const place = entityOf(afterPrep[afterPrep.length - 1].key);
          return roleEntity(stripDet(spanText(text, headSpan)), 'ORGANIZATION', place?.country ?? null, headSpan, [], false);
        }
        return sub && sub.kind !== 'PLACE' ? sub : null;
      }
    }
    if (!named.length) {
      // "Ms Sharma", "Mr. Reid": a title and a surname of a person named in full elsewhere.
      const bySurname = personBySurname(toks, np.start);
      if (bySurname) return bySurname;
      // "the judge", "the spokeswoman", "the army": the one this document has described so.
      if (lower[0] === 'the' && headIsNoun && toks.length <= 4) {
        const co = definiteCoref(head, np, si, PERSON_ROLES.has(head) || TITLES.has(head) || GROUP_NOUNS.has(head) || ORG_HEADS.has(head));
        if (co) return co;
      }
    } else if (named.every((r) => r.kind === 'PLACE' || r.kind === 'ORGANIZATION') && /\b(?:of|and)\s+(?:the\s+)?$/i.test(text.slice(np.start, named[0].start))) {
      // "The Chamber of Commerce and Industry of Slovenia", "the Royal Borough of X and Y": an
      // organization named after its place (not a title: "the Deputy Mayor of X" stays a role).
      const pre = toks.filter((t) => t.end <= named[0].start && !NP_DETERMINERS.has(t.text.toLowerCase()) && !/^(?:of|and)$/i.test(t.text));
      const capitalizedName = pre.length >= 2 && pre.every((t) => isCapitalized(t.text) && !TITLES.has(t.text.toLowerCase()) && !PERSON_ROLES.has(t.text.toLowerCase()) && !TITLE_MODIFIERS.has(t.text.toLowerCase()));
      if (capitalizedName) return roleEntity(stripDet(spanText(text, np)), 'ORGANIZATION', entityOf(named[0].key)?.country ?? null, np, [], false);
    }

    // "the companies", "the two firms": the organizations the sentence names, as one group.
    if (lower[0] === 'the' && toks.length <= 3 && /^(?:companies|firms|groups|lenders|carriers|insurers|banks|partners)$/.test(head) && !named.length) {
      const sen = sentences[si];
      const orgs: EntityRecord[] = [];
      for (const r of refsIn({ start: sen.start, end: np.start })) {
        if (r.kind !== 'ORGANIZATION' || r.adjective || inQuote(r.start)) continue;
        const e = entityOf(r.key);
        if (e && !orgs.includes(e)) orgs.push(e);
      }
      if (orgs.length >= 2 && orgs.length <= 3) return roleEntity(orgs.map((e) => e.name).join(' and '), 'ORGANIZATION', null, np, [], false);
    }
    // "the company", "the agency": the organization of that kind spoken of last (this or the previous 2 paragraphs).
    if (toks.length === 2 && /^the$/i.test(words[0]) && COREF_ORG_NOUNS.has(lower[1])) {
      const para = sentences[si].paragraph;
      const from = paragraphs[Math.max(0, para - 2)].start;
      // Not a medium the story cites ("told CNBC", "an interview with the FT"): those report, they are not "the company".
      const medium = (r: MentionRef) => BROADCASTER_SET.has(r.text.toLowerCase()) || /\b(?:told|to|with|on|via|by)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, r.start - 12), r.start));
      const pick = (span: Span) => refsIn(span).filter((r) => r.kind === 'ORGANIZATION' && !r.adjective && !inQuote(r.start) && (lower[1] === 'network' || lower[1] === 'broadcaster' || lower[1] === 'newspaper' || !medium(r)));
      let cands = pick({ start: from, end: np.start });
      if (!cands.length) cands = pick({ start: 0, end: from });
      // One whose name has the noun ("the ministry" → "Ministry of Health") before the last one named.
      const named = cands.filter((r) => new RegExp(`\\b${lower[1]}\\b`, 'i').test(entityOf(r.key)?.name ?? ''));
      const last = named[named.length - 1] ?? cands[cands.length - 1];
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
      if (!modifiers.length && !named.length) {
        // Parties of a trial or an inquiry speak as one: "Prosecutors argued", "police said".
        if (PARTY_NOUNS.has(head)) return roleEntity(capitalizeFirst(head), 'ORGANIZATION', null, np, [], true);
        return null; // "witnesses", "officials": no one in particular
      }
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
    // A name the recognizer left out, standing as the subject of a reporting verb:
    // "The World Food Programme said", "Theresa May said".
    const nameToks = toks.slice(det);
    if (nameToks.length >= 2 && nameToks.length <= 8 && nameToks.every((t, i) => isCapitalized(t.text) || (i > 0 && /^(?:d|l|o)['’]\p{Lu}/u.test(t.text)) || (i > 0 && i < nameToks.length - 1 && /^(?:of|and|for|the|de|al|van|von)$/i.test(t.text)))) {
      const name = nameToks.map((t) => t.text).join(' ').replace(/\s+(?=['’]s\b)/g, '');
      const person = lexTags(nameToks[0].text.toLowerCase()).some((x) => /FirstName|MaleName|FemaleName/.test(x)) && nameToks.length <= 3;
      // "The Chief Constable said": a capitalized title ending in an occupation is an unnamed person.
      const head = nameToks[nameToks.length - 1].text.toLowerCase();
      if (det > 0 && !person && (isTitleWord(head) || PERSON_ROLES.has(head) || lexTags(head).includes('Actor'))) return roleEntity(name, 'PERSON', null, np, [], true);
      return roleEntity(name, person ? 'PERSON' : 'ORGANIZATION', null, np, [], false);
    }
    return null;
  }

  /** A person named in full in this document whose surname (after any titles) these words give. */
  function personBySurname(toks: Token[], before: number): Speaker | null {
    const words = toks.map((t) => t.text.replace(/\.$/, '')).filter((w) => !NP_DETERMINERS.has(w.toLowerCase()));
    let i = 0;
    while (i < words.length - 1 && (TITLES.has(words[i].toLowerCase()) || TITLES.has(`${words[i].toLowerCase()}.`) || TITLE_MODIFIERS.has(words[i].toLowerCase()))) i++;
    const rest = words.slice(i);
    if (!i || !rest.length || rest.length > 2 || !rest.every((w) => isCapitalized(w))) return null;
    const surname = rest.join(' ').toLowerCase();
    let best: { pos: number; e: EntityRecord } | null = null;
    for (const e of entities) {
      if (e.kind !== 'PERSON' || e.role) continue;
      const parts = e.name.split(/\s+/).filter((p) => !/^(?:\p{Lu}{1,3}|Jr\.?|Sr\.?)$/u.test(p));
      if (parts.length < 2 || parts.slice(1).join(' ').toLowerCase() !== surname) continue;
      const pos = Math.max(-1, ...e.mentions.filter((m) => m.start < before).map((m) => m.start));
      if (!best || pos > best.pos) best = { pos, e };
    }
    return best ? speakerFromEntity(best.e) : null;
  }

  /**
   * "the judge" / "the spokeswoman" / "the former prime minister" / "the army": the speaker or
   * person this document last described with that word ("Judge Margaret Okafor", "a spokeswoman
   * for the trust"), else the organization a country's possessive named ("Sudan's army" →
   * "Sudanese Army"), else the person who spoke in the sentence just before.
   */
  function definiteCoref(head: string, np: Span, si: number, roleHead = true): Speaker | null {
    const para = sentences[si].paragraph;
    const headRe = new RegExp(`\\b${head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
    for (let i = attributions.length - 1; i >= 0; i--) {
      const a = attributions[i];
      if (a.paragraph < para - 8) break;
      if (a.speaker && a.speakerText && a.np && a.np.start < np.start && headRe.test(a.speakerText)) return a.speaker;
    }
    // A person whose title or appositive carries the word: "Judge Margaret Okafor", "Lisa Fong, the council's manager".
    const from = paragraphs[Math.max(0, para - 8)].start;
    const persons = refsIn({ start: from, end: np.start }).filter((r) => r.kind === 'PERSON' && !r.role && !inQuote(r.start));
    for (let i = persons.length - 1; i >= 0; i--) {
      const r = persons[i];
      const sentence = sentences[sentenceOf(r.start)];
      const before = text.slice(Math.max(sentence?.start ?? 0, r.start - 40), r.start);
      const after = /^,\s*(?:the|a|an|its|his|her)\s+[^,]{0,60},/.exec(text.slice(r.end, r.end + 70))?.[0] ?? '';
      if (headRe.test(`${/(?:^|[.;:]\s)?([^.;:]*)$/.exec(before)?.[1] ?? ''} ${r.text}`) || headRe.test(after)) {
        const e = entityOf(r.key);
        if (e) return speakerFromEntity(e);
      }
    }
    if (!roleHead) return null;
    if (GROUP_NOUNS.has(head) || ORG_HEADS.has(head)) {
      // The organization named earlier with that head ("the council" → "Shire Council"; a local
      // authority's other names count for "council": "Royal Borough of X", "X County").
      const heads = head === 'council' ? /\b(?:council|borough|county|municipality|shire|district)\b/i : headRe;
      const orgs = refsIn({ start: 0, end: np.start }).filter((r) => r.kind === 'ORGANIZATION' && !r.adjective && !inQuote(r.start));
      for (let i = orgs.length - 1; i >= 0; i--) {
        const e = entityOf(orgs[i].key);
        if (e && heads.test(e.name)) return speakerFromEntity(e);
      }
      for (let i = attributions.length - 1; i >= 0; i--) {
        const sp = attributions[i].speaker;
        const e = sp?.kind === 'ORGANIZATION' ? entityOf(sp.key) : null;
        if (e && attributions[i].np && attributions[i].np!.start < np.start && heads.test(e.name)) return sp;
      }
      const re = new RegExp(`(\\p{Lu}[\\p{L}-]+)(?:['’]s)?\\s+(?:[\\p{Ll}-]+\\s+){0,2}?${head}\\b`, 'gu');
      let m: RegExpExecArray | null;
      let country: string | null = null;
      const before = text.slice(0, np.start);
      while ((m = re.exec(before))) country = countryOf(m[1]) ?? country;
      const dem = country ? gz.demonymOf(country) : null;
      if (dem) return roleEntity(`${dem} ${capitalizeFirst(head)}`, 'ORGANIZATION', country, np, [], false);
      return null;
    }
    // The person who spoke just before: "Theresa May said ... The former prime minister ... said".
    const prev = attributions.filter((a) => a.speaker?.kind === 'PERSON' && (a.sentence === si - 1 || a.sentence === si) && a.np && a.np.start < np.start);
    const p = prev[prev.length - 1];
    // Only a speaker introduced by bare name: one described otherwise ("resident Jane Roe") is not "the minister".
    const described = (p?.speakerText ?? '').toLowerCase().split(/\s+/).some((w) => PERSON_ROLES.has(w) || TITLES.has(w) || GROUP_NOUNS.has(w));
    if (p?.speaker && !described && !entityOf(p.speaker.key)?.role) return p.speaker;
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
    // The most recent fitting speaker or mention, outside quotations, in this or the previous
    // paragraph; paragraphs that only continue a quotation (a quote running over paragraphs) are
    // passed over.
    let firstPara = Math.max(0, para - 1);
    const quoteOnly = (pi: number) => {
      const pp = paragraphs[pi];
      return pp.end - pp.start > 2 && inQuote(pp.start + 1) && inQuote(pp.end - 2);
    };
    for (let guard = 0; firstPara > 0 && guard < 3 && quoteOnly(firstPara); guard++) firstPara--;
    const paraStart = paragraphs[firstPara].start;
    let best: { pos: number; sp: Speaker } | null = null;
    for (let i = attributions.length - 1; i >= 0; i--) {
      const a = attributions[i];
      if (a.paragraph < firstPara) break;
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
          at.explicitTime = true;
          break;
        }
      }
    }
    if (!at.explicitTime) {
      const t = occasionOfSpeaker(at);
      if (t) {
        at.saidAt = t.span;
        at.explicitTime = true;
      }
    }
    if (!at.channel) at.channel = carriedChannel(at);
  }

  /**
   * "Roe addressed a crowd on Monday night. ... 'We have won,' she said.": a sentence just before
   * (this or the previous paragraph) whose subject is the speaker dates the occasion of speaking.
   */
  function occasionOfSpeaker(at: Attribution): TimeMention | null {
    const key = at.speaker?.key;
    if (!key || at.sentence < 1) return null;
    const firstPara = at.paragraph - 1;
    for (let si = at.sentence - 1; si >= 0 && sentences[si].paragraph >= firstPara; si--) {
      const sen = sentences[si];
      if (attributions.some((a) => a.sentence === si && a.speaker && a.speaker.key !== key)) return null;
      const subject = refsIn(sen).find((r) => r.key === key && r.start - sen.start <= 4 && !inQuote(r.start));
      if (!subject) continue;
      const dated = times.filter((m) => m.start >= subject.end && m.end <= sen.end && !inQuote(m.start) && m.span.edtf.length >= 10 && !m.span.edtf.endsWith('?'));
      return dated[dated.length - 1] ?? null;
    }
    return null;
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
  let lastStandalone = null as { q: QuoteSpan; at: Attribution | null } | null;
  const nestedQuotes: QuoteSpan[] = [];
  const pickOf = new Map<number, Attribution>();
  for (const q of quotes) {
    if (q.outer !== undefined) {
      nestedQuotes.push(q);
      continue;
    }
    if (!q.standalone && isTitleLike(q.text)) continue; // "The Long Night", "Work, Rest and Care": a name, not words said
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
    if (!pick && q.standalone) pick = lineAttribution(q) ?? undefined;
    if (!pick && q.standalone) {
      const prevQ: { q: QuoteSpan; at: Attribution | null } | null = lastStandalone && lastStandalone.q.paragraph === q.paragraph - 1 ? lastStandalone : null;
      if (prevQ?.at) pick = prevQ.at;
      else pick = carryFromPrevious(q) ?? undefined;
      if (pick) carried.set(q, pick);
    }
    if (q.standalone) lastStandalone = { q, at: pick ?? null };
    if (pick) {
      pick.quotes.push(q);
      pickOf.set(q.start, pick);
    } else if (q.standalone || wordCount(q.text) > 3) orphanQuotes.push(q);
  }
  // Quotations inside quotations: the words of the person the outer speaker quotes.
  for (const q of nestedQuotes) {
    const outer = pickOf.get(q.outer!);
    if (!outer) continue;
    const inner = innerAttribution(q, outer);
    if (inner) {
      inner.quotes.push(q);
      attributions.push(inner);
    }
  }

  /**
   * A soundbite's speaker given on a line of its own: a script header before it ("(SOUNDBITE)
   * JANE ROE, MAYOR OF X, SAYING:") or a dash line after it ("— Jane Roe, deputy mayor").
   */
  function lineAttribution(q: QuoteSpan): Attribution | null {
    const prevP = paragraphs[q.paragraph - 1];
    const lastPara = paragraphs.findIndex((p) => p.start <= q.end - 1 && q.end <= p.end);
    const nextP = paragraphs[(lastPara >= 0 ? lastPara : q.paragraph) + 1];
    let name: Span | null = null;
    let line: Paragraph | null = null;
    if (prevP) {
      const t = text.slice(prevP.start, prevP.end);
      const m = SOUNDBITE_RE.exec(t) ?? SOUNDBITE_MIXED_RE.exec(t);
      // A header names a person: "..., SAYING:" or "NAME, TITLE:" with no function word in the name.
      const personLike = !m?.[1].split(/\s+/).some((w) => FUNCTION_WORDS.has(w.toLowerCase()) || DETERMINERS.has(w.toLowerCase()));
      if (m && personLike && (m[3] || m[2])) {
        const at = prevP.start + m[0].indexOf(m[1]);
        name = { start: at, end: at + m[1].trimEnd().length };
        line = prevP;
      }
    }
    if (!name && nextP) {
      const t = text.slice(nextP.start, nextP.end);
      const m = DASH_LINE_RE.exec(t);
      if (m) {
        const at = nextP.start + m[0].length - m[1].length;
        name = { start: at, end: at + m[1].trimEnd().length };
        line = nextP;
      }
    }
    if (!name || !line) return null;
    const speaker = speakerByName(name);
    if (!speaker) return null;
    const si = sentenceOf(line.start);
    const verb: Token = { text: '', start: name.end, end: name.end, kind: 'word' };
    const at: Attribution = {
      sentence: si,
      paragraph: line.index,
      verb,
      mode: 'before',
      np: name,
      speakerText: spanText(text, name),
      speaker,
      content: q.inner,
      region: name,
      saidAt: null,
      explicitTime: false,
      channel: null,
      quotes: [],
    };
    attributions.push(at);
    return at;
  }

  /** A person by a name as written on a header line (any case): the document's entity, else a new one. */
  function speakerByName(name: Span): Speaker | null {
    const raw = spanText(text, name).replace(/\s+/g, ' ').trim();
    const words = raw.split(' ');
    if (words.length < 2 || words.length > 5) return null;
    const fold = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const target = fold(raw);
    const inside = refsIn(name).find((r) => r.kind === 'PERSON' && !r.role);
    const titled = words.map((w) => (/^\p{Lu}+$/u.test(w.replace(/[^\p{L}]/gu, '')) ? w.charAt(0) + w.slice(1).toLowerCase() : w)).join(' ');
    if (inside) {
      const e = entityOf(inside.key);
      if (e && e.name === e.name.toUpperCase() && e.name !== titled && fold(e.name) === fold(titled)) {
        // A name written in capitals on a header line is kept in title case.
        e.aliases = [...new Set([...e.aliases, e.name])];
        e.name = titled;
      }
      if (e) return speakerFromEntity(e);
    }
    const persons = entities.filter((e) => e.kind === 'PERSON' && !e.role);
    const exact = persons.find((e) => [e.name, ...e.aliases].some((n) => fold(n) === target));
    if (exact) return speakerFromEntity(exact);
    const surname = fold(words[words.length - 1]);
    const same = persons.filter((e) => fold(e.name.split(/\s+/).pop() ?? '') === surname);
    if (same.length === 1) return speakerFromEntity(same[0]);
    return roleEntity(titled, 'PERSON', null, name, raw !== titled ? [raw] : [], false);
  }

  /**
   * The speaker of words quoted inside a quotation: the subject of the speech verb before them in
   * the outer quotation ("She said to him, 'This ...'"). A pronoun there is someone the outer
   * speaker talks about, so never the outer speaker. Without a speech verb the inner marks are
   * scare quotes, not a statement.
   */
  function innerAttribution(q: QuoteSpan, outer: Attribution): Attribution | null {
    const lead = text.slice(Math.max(q.outer! + 1, q.start - 60), q.start);
    const m = /(?:^|[\s,;"“])([\p{L}’'-]+)\s+(?:said|says|told|asked|shouted|wrote|replied|warned|added|yelled|whispered|texted|answered)\b[^'‘"“]{0,25}$/u.exec(lead);
    if (!m) return null;
    const word = m[1];
    const wordStart = q.start - lead.length + m.index + m[0].indexOf(word);
    const np = { start: wordStart, end: wordStart + word.length };
    let speaker: Speaker | null = null;
    const lw = word.toLowerCase();
    if (lw === 'i' || lw === 'we') {
      speaker = outer.speaker; // the outer speaker quoting themselves: "I told them, 'No way'"
    } else if (lw === 'he' || lw === 'she') {
      const outerStart = q.outer!;
      const sentStart = paragraphs[Math.max(0, sentences[outer.sentence].paragraph - 1)].start;
      const cands = refsIn({ start: sentStart, end: outerStart }).filter((r) => r.kind === 'PERSON' && !r.role && !inQuote(r.start) && r.key !== outer.speaker?.key);
      for (let i = cands.length - 1; i >= 0 && !speaker; i--) {
        const e = entityOf(cands[i].key);
        if (e && genderFits(lw, e.name) && (lw !== 'she' || lexTags(e.name.split(/\s+/)[0]).includes('FemaleName')) && (lw !== 'he' || lexTags(e.name.split(/\s+/)[0]).includes('MaleName'))) speaker = speakerFromEntity(e);
      }
    } else {
      const r = refsIn(np).find((x) => x.kind === 'PERSON' || x.kind === 'ORGANIZATION');
      const e = r ? entityOf(r.key) : null;
      if (e) speaker = speakerFromEntity(e);
    }
    return {
      sentence: sentenceOf(q.start),
      paragraph: q.paragraph,
      verb: { text: '', start: np.end, end: np.end, kind: 'word' },
      mode: 'before',
      np,
      speakerText: word,
      speaker,
      content: q.inner,
      region: np,
      saidAt: null,
      explicitTime: false,
      channel: null,
      quotes: [],
      nested: true,
    };
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
  // Places a claim can be about: cities and other places below a country, not a dateline's place.
  const isDateline = (r: MentionRef) => {
    const p = paragraphs[sentences[sentenceOf(r.start)]?.paragraph ?? 0];
    return !!p && r.start - p.start <= 2 && r.text === r.text.toUpperCase() && /^[\s,(]/.test(text.slice(r.end, r.end + 1));
  };
  const isCountry = (r: MentionRef) => !!countryOf(r.text) || gz.lookup(entityOf(r.key)?.name ?? r.text)?.kind === 'country';
  const claimPlace = (r: MentionRef) => r.kind === 'PLACE' && !r.adjective && !isDateline(r) && (!!r.city || !isCountry(r));
  const cityRefsSet = new Set(refs.filter(claimPlace));
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
    const placesInside = refsIn(span).filter((r) => cityRefsSet.has(r)).map((r) => ({ start: r.start, end: r.end, key: r.key }));
    let placeBefore: string | null = null;
    for (let i = firstRefAt(span.start) - 1; i >= 0; i--) {
      if (cityRefsSet.has(refs[i]) && refs[i].end <= span.start && !personified.has(refs[i].text)) {
        placeBefore = refs[i].key;
        break;
      }
    }
    return findClaims(claimText, { offset, speakerSide, speakerKey: at?.speaker?.key ?? null, placesInside, placeBefore, countryOf, times, holderOf: (phrase) => holderOf(phrase, offset) });
  };
  /**
   * The side a holder phrase names: a country or nationality in it ("Russian troops"), else for
   * armed forces the country whose army the text named before ("Sudan's army" → SD).
   */
  function holderOf(phrase: string, before: number): string | null {
    for (const w of phrase.split(/\s+/)) {
      const c = /^\p{Lu}/u.test(w) ? countryOf(w) : null;
      if (c) return c;
    }
    if (!/\b(?:army|armed\s+forces|military|forces|troops|soldiers)\b/i.test(phrase)) return null;
    const re = /(\p{Lu}[\p{L}-]+)(?:['’]s)?\s+(?:[\p{Ll}-]+\s+){0,2}?(?:army|armed\s+forces|military)\b/gu;
    const head = text.slice(0, before);
    let m: RegExpExecArray | null;
    let found: string | null = null;
    while ((m = re.exec(head))) found = countryOf(m[1]) ?? found;
    return found;
  }
  const push = (st: StatementRecord) => {
    if (seen.has(st.key)) return;
    seen.add(st.key);
    out.push(st);
  };

  for (const at of attributions) {
    const speakerKey = at.speaker?.key ?? null;
    const saidAt = at.saidAt ?? defaultSaid;
    for (const parts of quoteUnits(at)) {
      const q: QuoteSpan = parts.length === 1 ? parts[0] : joinQuotes(parts);
      const claims = parts.flatMap((p) => claimsFor(p.text, p.inner.start, at, p.inner));
      const aboutKeys = about([...parts.map((p) => p.inner), at.content], speakerKey);
      for (const c of claims) {
        const k = c.type === 'control' ? c.placeKey : c.placeKey ?? null;
        if (k && !aboutKeys.includes(k)) aboutKeys.push(k);
      }
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
    // A few quoted words inside a longer paraphrase ("put the number of dead at 12, all of them
    // "army fighters"") leave the paraphrase its own statement.
    const own = at.quotes.filter((q) => carried.get(q) !== at && q.outer === undefined);
    if (own.length) {
      const quotedWords = own.reduce((n, q) => n + wordCount(q.text), 0);
      const contentWords = wordCount(spanText(text, at.content));
      // A fragment quoted inside the report ("Tehran would respond "in due course"") leaves it whole.
      const fragments = own.every((q) => /^\p{Ll}/u.test(q.text)) && contentWords - quotedWords >= 3;
      if (!fragments && (quotedWords * 2 >= contentWords || contentWords - quotedWords < 6)) continue;
      if (own.some((q) => q.start < at.content.start || q.end > at.content.end + 2)) continue;
    }
    if (at.quotes.some((q) => q.outer !== undefined)) continue;
    if (at.nested && !at.speaker) continue; // "investigators had told her ...": hers to report
    if (at.frame) continue;
    const content = stripLeading(text, at.content);
    if (wordCount(spanText(text, content)) < 3) continue;
    const reported = spanText(text, content).replace(/[.]+$/, '').trim();
    const claimSpan = { start: Math.min(at.verb.start, content.start), end: content.end };
    const claims = claimsFor(text.slice(claimSpan.start, claimSpan.end), claimSpan.start, at, content);
    const aboutKeys = about([content], speakerKey);
    for (const c of claims) {
        const k = c.type === 'control' ? c.placeKey : c.placeKey ?? null;
        if (k && !aboutKeys.includes(k)) aboutKeys.push(k);
      }
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

  /**
   * The attribution's quotations as statements: a quotation interrupted by its own attribution
   * ('"A," X said. "B."') is one utterance, one statement; other quotations stay apart.
   */
  function quoteUnits(at: Attribution): QuoteSpan[][] {
    const units: QuoteSpan[][] = [];
    for (const q of at.quotes) {
      const last = units[units.length - 1];
      const prev = last?.[last.length - 1];
      const gap = prev ? text.slice(prev.end, q.start) : '';
      const joins =
        prev &&
        prev.paragraph === q.paragraph &&
        at.verb.start >= prev.end &&
        at.verb.end <= q.start &&
        gap.length <= 120 &&
        !/["“”„«»]/.test(gap) &&
        /[.,!?;:—–-]\s*$/.test(gap) &&
        wordCount(prev.text) >= 3 &&
        wordCount(q.text) >= 3;
      if (joins) last.push(q);
      else units.push([q]);
    }
    return units;
  }

  /** One quotation from several parts of the same utterance, joined as a sentence would read. */
  function joinQuotes(parts: QuoteSpan[]): QuoteSpan {
    let words = parts[0].text;
    for (const p of parts.slice(1)) {
      const sep = /[.!?…]$/.test(words) ? ' ' : /^\p{Ll}/u.test(p.text) ? ', ' : '. ';
      words += sep + p.text;
    }
    const first = parts[0];
    const last = parts[parts.length - 1];
    return { start: first.start, end: last.end, inner: { start: first.inner.start, end: last.inner.end }, text: words, standalone: false, paragraph: first.paragraph };
  }

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

const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs']);

/**
 * A quotation that reads as the name of a work, programme or event: short (≤ 7 words), every word
 * but small function words capitalized (at least two), no sentence punctuation inside or at the end.
 */
export function isTitleLike(words: string): boolean {
  const w = words.trim();
  if (!w || /[.!?;:]/.test(w.replace(/\b(?:\p{Lu}\.)+/gu, ''))) return false;
  const tokens = w.split(/[\s,]+/).filter((x) => /\p{L}/u.test(x));
  if (tokens.length < 2 || tokens.length > 7) return false;
  let caps = 0;
  for (const [i, t] of tokens.entries()) {
    const bare = t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (/^\p{Lu}/u.test(bare) || /^\d/.test(bare)) caps++;
    else if (i === 0 || !TITLE_SMALL_WORDS.has(bare.toLowerCase())) return false;
  }
  // "We Can" / "I Will": a pronoun-led capitalized phrase is still a title; two capitals suffice.
  return caps >= 2;
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
