/**
 * Claims: what a statement asserts, in a normalized form the contradiction stage can compare.
 *
 * Control claims — who holds a place:
 *   full:    "fully hold X", "(have) captured/seized/taken/occupied X", "claimed control of X",
 *            "X has fallen to ..."
 *   partial: "some parts are under our control", "parts of X", "continuing to defend X",
 *            "still hold X", "we are still <Country>"
 *   The holder is the country named as the acting side ("French troops captured ...", "we are
 *   still Freedonia"), else the speaker's own side (their country). The place is a city-level place
 *   named in the claim, else the one the text was last about ("the city", "the port").
 *
 * Count claims — tallies: "<qualifier> N <people|civilians|soldiers|...> ... <killed|injured|fled|...>"
 *   or "<killed|injured> <qualifier> N <people...>", optionally "since <date>". The subject is the
 *   victim class and outcome ("people-killed", "soldiers:RU-killed"); min/max come from the
 *   qualifier ("at least N" → min N, "nearly N" → max N, "about N" → ±15 %).
 *
 * Outcome claims — "we have won this election", "he had won the runoff": the speaker won the contest
 * at the place. Status claims — "the main front had been contained" / "nothing is contained".
 */
import type { Claim, Span, TimeMention } from './types.js';

export interface ClaimContext {
  /** Offset of `text` in the document (to relate it to time mentions and places). */
  offset: number;
  /** The speaker's country (ISO alpha-2), or its key when it has none. */
  speakerSide: string | null;
  /** City-level places mentioned inside the statement: key and span. */
  placesInside: (Span & { key: string })[];
  /** The city-level place the text was last about before the statement. */
  placeBefore: string | null;
  /** Country names and demonyms → ISO code. */
  countryOf: (word: string) => string | null;
  times: TimeMention[];
  /** The speaker's own key (for "we have won"). */
  speakerKey?: string | null;
  /** The side a stated holder phrase names ("the armed forces", "Russian troops"), when known. */
  holderOf?: (phrase: string) => string | null;
}

const FULL_RE =
  /\b(?:(?:now\s+)?(?:fully|completely|entirely|totally)\s+(?:hold|holds|held|control|controls|controlled|occupy|occupies|occupied)|(?:has|have|had)?\s*(?:captured|seized|taken|took|occupied|overran|conquered|liberated|recaptured|retook|retaken|regained)|(?:remains?|remained|is|are|was|stays?)\s+(?:firmly\s+|fully\s+|entirely\s+|still\s+)?(?:under\s+(?:the\s+control\s+of|(?:the\s+)?(?:[\w'’-]+\s+){1,2}control)|in\s+(?:the\s+)?(?:[\w'’-]+\s+){1,2}hands)|(?:claimed|claims|took|taken|seized|gained|established|has|have)\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)|(?:has|have)\s+fallen\s+to|fell\s+to)\b/i;
const PARTIAL_RE =
  /\b(?:(?:some|most)\s+parts?|parts?\s+of|partially|partly|continu\w*\s+to\s+(?:defend|hold|resist|fight\s+for)|still\s+(?:hold|holds|control|controls|in\s+control))\b/i;
/** A place no side holds whole: "the town is divided", "nobody controls everything". */
const CONTESTED_RE = /\b(?:(?:is|are|remains?|was)\s+(?:still\s+)?(?:divided|contested|split)(?!\s+(?:over|on|about|between\s+(?:two|those|people)|into\s+(?:two|camps)))|(?:nobody|no\s+one|no\s+side|neither\s+side)\s+(?:controls|holds|is\s+in\s+control\s+of)\s+(?:everything|all|the\s+whole))\b/i;
const STILL_COUNTRY_RE = /\b(?:[Ww]e\s+are|[Ww]e['’]re|[Ii]t\s+is|[Ii]t['’]s|(?:[Tt]he\s+)?city\s+is|remains?)\s+(?:still\s+(?:part\s+of\s+)?|part\s+of\s+)(\p{Lu}[\p{L}-]+)/u;
/** A tally phrased as a number put on the dead: "put the number of dead at 12", "the death toll rose to 40". */
const TOLL_RE =
  /\b(?:(?:number|toll|tally|count|figure)\s+of\s+(dead|deaths|killed|injured|wounded|displaced)|(death|casualty)\s+toll)\s+(?:at|to|as|of|stood\s+at|rose\s+to|reached|climbed\s+to|was|is)\s+(?:(at\s+least|more\s+than|over|nearly|almost|about|around|approximately|roughly|some|up\s+to)\s+)?(\d{1,3}(?:,\d{3})+|\d+)\b/i;
/** Bodies counted or recovered: "counted 85 bodies". */
const BODIES_RE = /\b(?:(at\s+least|more\s+than|over|nearly|almost|about|around|some)\s+)?(\d{1,3}(?:,\d{3})+|\d+)\s+bodies\b/i;
/** A tally of a whole war or country, not of one place and time. */
const WIDE_SCOPE_RE = /\b(?:the\s+war|the\s+conflict|since\s+the\s+(?:war|conflict|invasion)|nationwide|across\s+the\s+country|in\s+total|overall)\b/i;
/** A holder stated after the control words: "under the control of the armed forces", "fell to rebel fighters". */
const HOLDER_PHRASE_RE = /\b(?:under\s+the\s+control\s+of|in\s+the\s+hands\s+of|fell\s+to|fallen\s+to)\s+((?:the\s+)?[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,3})/u;
const ACTOR_RE = /^\s*(?:the\s+)?(\p{Lu}[\p{L}-]+)(?:['’]s)?\s+(?:troops|forces|army|military|soldiers|units)\b/u;

/** Numbers written as words ("nine people were killed"); "one" is left out (too often not a count). */
const WORD_NUMBERS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12, dozens: 24, hundreds: 200,
};
const WORD_NUM = Object.keys(WORD_NUMBERS).join('|');
const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\b(?:${WORD_NUM})\b)(\s*(?:million|thousand))?`;
const QUAL = String.raw`(at\s+least|more\s+than|over|nearly|almost|about|around|approximately|roughly|some|up\s+to|fewer\s+than|less\s+than|as\s+many\s+as)`;
const VICTIMS = String.raw`(people|persons|civilians|residents|children|soldiers|troops|servicemen|fighters|refugees|[\p{Lu}][\p{L}]+s)`;
const OUTCOME = String.raw`(killed|dead|died|injured|wounded|hurt|fled|displaced|evacuated|arrested|detained)`;
const FIXED_VICTIMS = new Set(['people', 'persons', 'civilians', 'residents', 'children', 'soldiers', 'troops', 'servicemen', 'fighters', 'refugees']);
const WORD_NUM_RE = new RegExp(String.raw`\b(?:${WORD_NUM})\b`, 'i');
const COUNT_AFTER_RE = new RegExp(String.raw`(?:${QUAL}\s+)?${NUM}\s+((?:[\p{L}-]+\s+){0,2}?)${VICTIMS}\b([^.;]{0,80}?)\b${OUTCOME}\b`, 'giu');
const COUNT_BEFORE_RE = new RegExp(String.raw`\b${OUTCOME}\s+(?:${QUAL}\s+)?${NUM}\s+((?:[\p{L}-]+\s+){0,2}?)${VICTIMS}\b`, 'giu');

function victimClass(word: string, modifiers: string, countryOf: ClaimContext['countryOf']): string {
  const w = word.toLowerCase();
  if (/^(?:soldiers|troops|servicemen|fighters)$/.test(w)) {
    const m = modifiers.trim().split(/\s+/).map((x) => countryOf(x)).find(Boolean);
    return m ? `soldiers:${m}` : 'soldiers';
  }
  if (w === 'children') return 'children';
  if (w === 'refugees') return 'people';
  return 'people';
}

function outcomeClass(word: string): string {
  const w = word.toLowerCase();
  if (/^(?:killed|dead|died)$/.test(w)) return 'killed';
  if (/^(?:injured|wounded|hurt)$/.test(w)) return 'injured';
  if (/^(?:fled|displaced|evacuated)$/.test(w)) return 'displaced';
  return 'detained';
}

function toNumber(n: string, scale: string | undefined): number {
  const w = WORD_NUMBERS[n.toLowerCase()];
  const v = w ?? Number(n.replace(/,/g, ''));
  if (!scale) return v;
  return /million/i.test(scale) ? v * 1e6 : v * 1e3;
}

/** min/max from a qualifier. */
export function countRange(qualifier: string | undefined, n: number): { min: number | null; max: number | null } {
  const q = (qualifier ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (q === 'at least' || q === 'as many as') return { min: n, max: q === 'as many as' ? n : null };
  if (q === 'more than' || q === 'over') return { min: n + 1, max: null };
  if (q === 'nearly' || q === 'almost') return { min: Math.round(n * 0.9), max: n };
  if (q === 'up to' || q === 'fewer than' || q === 'less than') return { min: null, max: q === 'up to' ? n : n - 1 };
  if (q) return { min: Math.round(n * 0.85), max: Math.round(n * 1.15) };
  return { min: n, max: n };
}

/** Claims in a statement's text (the reported content with its verb, or the quoted words). */
export function findClaims(text: string, cx: ClaimContext): Claim[] {
  const claims: Claim[] = [];
  // Control (a cheap test first: most statements have no control words).
  const maybeControl = /control|hold|held|captur|seiz|taken|took|occup|overran|conquer|fall|fell|part|defend|still|liberat|retook|retaken|regain|hands|divided|contested|split/i.test(text);
  const full = maybeControl ? FULL_RE.exec(text) : null;
  const partial = maybeControl ? PARTIAL_RE.exec(text) : null;
  const still = maybeControl ? STILL_COUNTRY_RE.exec(text) : null;
  const stillCountry = still ? cx.countryOf(still[1]) : null;
  const contested = maybeControl ? CONTESTED_RE.exec(text) : null;
  if (contested && !full) {
    const inside = cx.placesInside.find((p) => p.start - cx.offset >= contested.index) ?? cx.placesInside[0];
    const placeKey = inside?.key ?? cx.placeBefore;
    if (placeKey) claims.push({ type: 'control', placeKey, holder: 'contested', full: false });
  } else if (full || partial || stillCountry) {
    const at = Math.min(full?.index ?? Infinity, partial?.index ?? Infinity, still?.index ?? Infinity);
    const inside = cx.placesInside.find((p) => p.start - cx.offset >= at) ?? cx.placesInside[0];
    const placeKey = inside?.key ?? cx.placeBefore;
    const actor = ACTOR_RE.exec(text);
    const actorCountry = actor ? cx.countryOf(actor[1]) : null;
    const stated = HOLDER_PHRASE_RE.exec(text);
    const statedHolder = stated && cx.holderOf ? cx.holderOf(stated[1]) : null;
    const holder = stillCountry ?? actorCountry ?? statedHolder ?? cx.speakerSide;
    if (placeKey && holder) claims.push({ type: 'control', placeKey, holder, full: !!full && !partial && !stillCountry });
  }
  // Outcome and status claims.
  claims.push(...outcomeClaims(text, cx), ...statusClaims(text, cx));
  // Counts.
  const seen = new Set<string>();
  const since = (endOfMatch: number): string | null => {
    const rest = text.slice(endOfMatch);
    const m = /\bsince\b/i.exec(rest);
    if (!m || m.index > 60) return null;
    const from = cx.offset + endOfMatch + m.index;
    const t = cx.times.find((x) => x.start >= from && x.start - from <= 50);
    return t ? t.span.earliest.slice(0, 10) : null;
  };
  if (!/\d/.test(text) && !WORD_NUM_RE.test(text)) return claims;
  const countPlace = WIDE_SCOPE_RE.test(text) ? null : (cx.placesInside[0]?.key ?? cx.placeBefore ?? null);
  // A capitalized plural counts only as a nationality ("Italians"); any other word is not a victim class.
  const victimOk = (v: string) => FIXED_VICTIMS.has(v.toLowerCase()) || (/^\p{Lu}/u.test(v) && !!cx.countryOf(v));
  // The same tally written with its outcome after the count ("12 people were killed") or before
  // it ("killed at least 12 people"): one scan each, read through the named groups below.
  const scan = (re: RegExp, pick: (m: RegExpExecArray) => { qual: string; num: string; scale: string; mods: string; victims: string; outcome: string }) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const { qual, num, scale, mods, victims, outcome } = pick(m);
      if (!victimOk(victims)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const subject = `${victimClass(victims, mods, cx.countryOf)}-${outcomeClass(outcome)}`;
      if (seen.has(subject)) continue;
      seen.add(subject);
      claims.push({ type: 'count', subject, since: since(m.index + m[0].length), ...countRange(qual, toNumber(num, scale)), placeKey: countPlace });
    }
  };
  scan(COUNT_AFTER_RE, ([, qual, num, scale, mods, victims, , outcome]) => ({ qual, num, scale, mods, victims, outcome }));
  scan(COUNT_BEFORE_RE, ([, outcome, qual, num, scale, mods, victims]) => ({ qual, num, scale, mods, victims, outcome }));
  const toll = TOLL_RE.exec(text);
  if (toll) {
    const outcome = toll[1] ? outcomeClass(toll[1].replace(/^deaths$/i, 'dead')) : 'killed';
    const subject = `people-${outcome}`;
    if (!seen.has(subject)) {
      seen.add(subject);
      claims.push({ type: 'count', subject, since: since(toll.index + toll[0].length), ...countRange(toll[3], toNumber(toll[4], undefined)), placeKey: countPlace });
    }
  }
  const bodies = BODIES_RE.exec(text);
  if (bodies && !seen.has('people-killed')) {
    seen.add('people-killed');
    claims.push({ type: 'count', subject: 'people-killed', since: since(bodies.index + bodies[0].length), ...countRange(bodies[1], toNumber(bodies[2], undefined)), placeKey: countPlace });
  }
  return claims;
}

/** A contest won by the speaker: "we have won this election", "he had won the runoff". */
const WON_RE =
  /\b(?:(?:we|i|he|she)\s+(?:have\s+|has\s+|had\s+|clearly\s+)?won\s+(?:the\s+|this\s+|that\s+|our\s+)?(?:[\p{L}-]+\s+)?(election|runoff|run-off|vote|race|ballot|poll|contest|primary|presidency|governorship|seat|referendum))\b/iu;

function placeOf(text: string, at: number, cx: ClaimContext): string | null {
  const inside = cx.placesInside.find((p) => p.start - cx.offset >= at) ?? cx.placesInside[0];
  return inside?.key ?? cx.placeBefore;
}

function outcomeClaims(text: string, cx: ClaimContext): Claim[] {
  if (!cx.speakerKey || !/\bwon\b/i.test(text)) return [];
  const m = WON_RE.exec(text);
  if (!m) return [];
  // "if we have won", "whether he had won": a condition or a question is not a claim.
  if (/\b(?:if|whether|unless|not|never)\s+(?:\S+\s+){0,2}$/i.test(text.slice(Math.max(0, m.index - 30), m.index))) return [];
  const placeKey = placeOf(text, m.index, cx);
  if (!placeKey) return [];
  return [{ type: 'outcome', contest: 'election', placeKey, winner: cx.speakerKey }];
}

/** Containment of a fire, an outbreak or a spill: "the main front had been contained" vs "nothing is contained". */
const CONTAINED_RE = /\b(?:(nothing|none\s+of\s+it|not|n['’]t|no\s+longer|far\s+from|not\s+yet|yet\s+to\s+be)\s+(?:\S+\s+){0,3}?)?contained\b/i;
const CONTAINED_POSITIVE_RE = /\b(?:is|are|was|were|been|be|being|now|largely|mostly|fully|partly|partially)\s+(?:\S+\s+)?contained\b/i;

function statusClaims(text: string, cx: ClaimContext): Claim[] {
  if (!/contained/i.test(text)) return [];
  const m = CONTAINED_RE.exec(text);
  if (!m) return [];
  const negated = !!m[1];
  if (!negated && !CONTAINED_POSITIVE_RE.test(text)) return [];
  // "could be contained", "if it is contained": a hope or condition is not a statement of fact.
  if (/\b(?:if|could|would|might|may|hope|hopes|expect|expects|should|until|unless|once)\b[^.;]{0,30}$/i.test(text.slice(0, m.index + (m[1] ? 0 : 0)).slice(-40))) return [];
  const placeKey = placeOf(text, m.index, cx);
  if (!placeKey) return [];
  return [{ type: 'status', subject: 'contained', placeKey, value: !negated }];
}
