/**
 * General English word lists the stages share: titles, role nouns, organization heads, reporting
 * verbs, channels, broadcasters. Nothing here names a person, place or organization of any
 * particular article; the broadcaster list is a general gazetteer of news organizations.
 *
 * Word-class lookups fall back on compromise's lexicon (first names, last names, organizations,
 * places, common words), so only what compromise does not know is listed here.
 */
import nlp from 'compromise';

type LexValue = string | string[] | undefined;
const COMPROMISE_LEXICON = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, LexValue> } } } }).world()
  .model.one.lexicon;

/** compromise's lexicon tags for a word (lower-cased), [] when unknown. */
export function lexTags(word: string): string[] {
  const v = COMPROMISE_LEXICON[word.toLowerCase()];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

const PROPER_TAGS = new Set([
  'ProperNoun', 'Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Place', 'Country', 'City', 'Region',
  'Organization', 'SportsTeam', 'Demonym', 'Honorific',
]);

/** A word compromise knows only as a common word (not a name, place, organization or demonym). */
export function isCommonWord(word: string): boolean {
  const tags = lexTags(word);
  return tags.length > 0 && !tags.some((t) => PROPER_TAGS.has(t));
}

/** A common word, or the plural of one ("Videos", "Residents", "Cities"). */
export function isCommonNoun(word: string): boolean {
  const w = word.toLowerCase();
  if (isCommonWord(w)) return true;
  if (w.length > 3 && w.endsWith('ies') && isCommonWord(w.slice(0, -3) + 'y')) return true;
  if (w.length > 3 && w.endsWith('es') && isCommonWord(w.slice(0, -2))) return true;
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && isCommonWord(w.slice(0, -1));
}

const pluralCache = new Map<string, boolean>();

/**
 * Whether compromise's pre-tagger reads a capitalized word as a plural noun ("Videos",
 * "Protesters"): used only for the rare unknown sentence-initial word before a verb. Memoized.
 */
export function looksPlural(word: string): boolean {
  let v = pluralCache.get(word);
  if (v === undefined) {
    const doc = (nlp as unknown as { tokenize(t: string): { compute(x: string[]): void; json(): { terms: { tags: string[] }[] }[] } }).tokenize(word);
    doc.compute(['lexicon', 'preTagger']);
    v = doc.json()[0]?.terms[0]?.tags.includes('Plural') ?? false;
    if (pluralCache.size > 10_000) pluralCache.clear();
    pluralCache.set(word, v);
  }
  return v;
}

/** A title word, also hyphenated ("Secretary-General", "Director-General", "Attorney-General"). */
export function isTitleWord(word: string): boolean {
  const w = word.toLowerCase();
  if (TITLES.has(w)) return true;
  const parts = w.split(/[-‐]/);
  return parts.length > 1 && parts.every((p) => TITLES.has(p) || TITLE_MODIFIERS.has(p) || p === 'in');
}

export function isFirstName(word: string): boolean {
  return lexTags(word).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
}

export function isLastName(word: string): boolean {
  return lexTags(word).includes('LastName');
}

/** Words that are names of people only because of how they are used, never a surname alone. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those its it his her their our my your we i you he she they them us him ' +
    'and or but nor so yet for of to in on at by from with as into onto over under about after before ' +
    'since during while although though because if when where which who whom whose what why how than ' +
    'then also already still just only even not no nor is are was were be been being has have had do does did ' +
    'will would shall should can could may might must there here all any some each every both either neither ' +
    'one two three more most many much other another such very'
  ).split(' '),
);

/** Name particles, lower case: "Ursula von der Leyen", "Mohammed bin Salman", "Maria de Souza". */
export const NAME_PARTICLES = new Set(['al', 'el', 'ibn', 'bin', 'bint', 'abu', 'de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'le', 'la', 'dos', 'das', 'ter', 'ten']);

/** Personal titles that precede a name ("President Jane Roe", "Mayor John ..."). Lower case. */
export const TITLES = new Set(
  (
    'president vice-president premier chancellor king queen prince princess pope emperor sheikh emir sultan ' +
    'minister secretary mayor governor senator sen. rep. representative congressman congresswoman ambassador ' +
    'general gen. lt. col. colonel major maj. captain capt. sgt. sergeant admiral adm. commander marshal ' +
    'judge justice prosecutor attorney chief director spokesman spokeswoman spokesperson ' +
    'mr. mrs. ms. dr. prof. professor rev. reverend father sister brother saint lord lady sir dame ' +
    'mr mrs ms dr prof chairman chairwoman chair ceo leader speaker deputy patriarch archbishop bishop cardinal rabbi imam ' +
    'envoy commissioner lawmaker mp administrator founder manager coach superintendent inspector sheriff ceo cfo officer'
  ).split(' '),
);

/** Words that modify a title ("Former President", "Foreign Minister", "Prime Minister"). Lower case. */
export const TITLE_MODIFIERS = new Set(
  (
    'former late acting interim then prime foreign defense defence interior finance economy justice health ' +
    'deputy vice first chief senior top grand supreme high state military regional opposition presidential ' +
    'assistant associate executive general press white house financial operating technology information marketing commercial investment legal medical scientific'
  ).split(' '),
);

/** Role nouns bound to a place ("the mayor of X", "X's governor"). */
export const PLACE_ROLES = ['deputy mayor', 'mayor', 'deputy governor', 'governor', 'police chief', 'regional governor'];

/** Role nouns for one unnamed person ("a presidential aide", "the spokesman"). */
export const PERSON_ROLES = new Set(
  (
    'aide adviser advisor spokesman spokeswoman spokesperson official minister ambassador envoy diplomat ' +
    'commander general officer source negotiator representative lawmaker senator secretary analyst ' +
    'president leader chief head prosecutor governor mayor witness resident doctor ' +
    'widow wife husband mother father son daughter brother sister relative lawyer'
  ).split(' '),
);

/** Group nouns: a speaker that is a body of people ("French authorities", "Italian forces"). */
export const GROUP_NOUNS = new Set(
  (
    'authorities officials government forces troops military army navy police ministry ' +
    'administration parliament leadership delegation diplomats lawmakers prosecutors investigators ' +
    'intelligence services negotiators separatists rebels militants media governments ministries militaries ' +
    'leaders sources analysts experts witnesses activists observers monitors medics rescuers protesters demonstrators ' +
    'critics opponents supporters residents villagers campaigners relatives groups unions workers'
  ).split(' '),
);

/** Heads that make a capitalized phrase an organization ("Interior Ministry", "Civil Protection Department"). */
export const ORG_HEADS = new Set(
  (
    'ministry department agency service services council committee commission union university college ' +
    'institute foundation bank corporation corp. corp company co. inc. inc ltd ltd. llc group party army ' +
    'navy forces force guard police office bureau authority court parliament assembly senate congress ' +
    'federation organization organisation association alliance network news times post press journal ' +
    'herald tribune telegraph agency brigade battalion regiment division fund board church academy ' +
    'administration command committee centre center club team centers centres agencies ministries institutes ' +
    'trust municipality borough shire chamber hospital infirmary clinic programme program secretariat ' +
    'holdings partners industries engineering airlines airways motors logistics technologies pharmaceuticals ' +
    'plc gmbh ag sa nv bv pty limited co cooperative co-operative society syndicate consortium ' +
    'exchange securities forum embassy consulate'
  ).split(' '),
);

/** Unit words that make "the town of X" a place. */
export const PLACE_NOUNS = new Set(
  'town city village port region province district county state capital oblast suburb neighbourhood neighborhood island republic locality governorate prefecture canton'.split(
    ' ',
  ),
);

/** Reporting verbs: word form → whether it is a participle that takes its clause's subject. */
export const REPORTING_VERBS = new Map<string, 'finite' | 'participle'>();
for (const w of (
  'said says say told tells tell added adds stated warned warns wrote writes posted tweeted tweets ' +
  'announced announces claimed claims accused accuses calls called insisted insists argued argues noted ' +
  'explained explains estimated estimates denied denies vowed vows urged urges declared declares confirmed confirms ' +
  'acknowledged acknowledges admitted admits stressed stresses reported predicted predicts promised ' +
  'replied replies responded responds revealed reveals threatened threatens alleged alleges described describes ' +
  'pledged pledges asserted asserts chanted shouted'
).split(' '))
  REPORTING_VERBS.set(w, 'finite');
for (const w of 'saying telling adding warning claiming citing accusing insisting arguing noting calling describing stressing vowing urging threatening chanting shouting'.split(
  ' ',
))
  REPORTING_VERBS.set(w, 'participle');

/** Verbs after which a quotation or content normally follows only with a preposition ("called for", "called on"). */
export const VERBS_WITH_PARTICLE = new Set(['called', 'calls', 'calling']);

/** Social platforms: "on Facebook", "on Telegram". */
export const PLATFORMS = [
  'Facebook', 'Twitter', 'Telegram', 'Instagram', 'YouTube', 'TikTok', 'Truth Social', 'VKontakte', 'WeChat', 'Weibo',
  'LinkedIn', 'Threads', 'Bluesky', 'Mastodon', 'Reddit', 'WhatsApp', 'Viber', 'Signal', 'X',
];

/** Speech events that name a channel ("in a video address", "at a news conference"). Longest first. */
export const SPEECH_EVENTS = [
  'news conference', 'press conference', 'press briefing', 'video address', 'televised address', 'address', 'speech',
  'interview', 'statement', 'briefing', 'video', 'op-ed', 'letter', 'post', 'broadcast', 'podcast', 'remarks',
];

/**
 * News organizations and agencies, a general gazetteer so "told Reuters" names a channel and an
 * organization without any article-specific rule.
 */
export const BROADCASTERS = [
  'BBC', 'CNN', 'Reuters', 'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'Al Jazeera', 'Bloomberg', 'NBC',
  'NBC News', 'CBS', 'CBS News', 'ABC', 'ABC News', 'Fox News', 'NPR', 'PBS', 'Sky News', 'Deutsche Welle', 'DW',
  'France 24', 'Euronews', 'The New York Times', 'New York Times', 'The Washington Post', 'Washington Post',
  'The Guardian', 'Guardian', 'The Times', 'The Wall Street Journal', 'Wall Street Journal', 'Financial Times',
  'The Economist', 'Politico', 'Axios', 'Interfax', 'TASS', 'RIA Novosti', 'Xinhua', 'Kyodo', 'Yonhap', 'ANSA',
  'EFE', 'dpa', 'Le Monde', 'Der Spiegel', 'El País', 'CNBC', 'MSNBC', 'RT',
  'Haaretz', 'Times of Israel', 'The Hindu', 'South China Morning Post', 'ITV', 'Channel 4', 'Radio Free Europe',
  'Voice of America', 'VOA', 'Newsweek', 'Time', 'USA Today', 'Los Angeles Times', 'The Independent', 'Daily Mail',
  'The Telegraph', 'Sky', 'Al Arabiya', 'NHK', 'ZDF', 'ARD', 'Vice News', 'BuzzFeed News', 'Bellingcat',
];

/** Compass words: never an entity alone, but they start names ("North Darfur", "West Bank"). */
export const COMPASS_WORDS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central']);

/** Prepositions that put a following name in a place ("in X", "near X", "towards X"). */
export const LOCATIVE_PREPOSITIONS = new Set(['in', 'near', 'towards', 'toward', 'outside', 'inside', 'around', 'across', 'into', 'via', 'throughout', 'above', 'below', 'beyond']);

/** Lower-case nouns after a name that make it a place ("Rakhine state", "Turkana and Marsabit counties"). */
export const PLACE_TYPE_AFTER = new Set(
  'state states province provinces region regions county counties district districts governorate governorates prefecture municipality locality town village city island islands river valley'.split(' '),
);

/** Words that never start an entity although written with a capital (headings, calendar words). */
export const NEVER_ENTITY = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow ' +
    'story photo video watch read more update updates live breaking advertisement related previous next ' +
    'mr mrs ms dr i we he she they it you his her their our its the a an god west east north south'
  ).split(' '),
);

/** Common acronyms that are not organizations. */
export const NOT_ACRONYM_ENTITIES = new Set(
  'TV AM PM GMT UTC CEO CFO GDP COVID HIV AIDS OK DNA PDF USB PC OS AI ID VIP FAQ ICBM IED RPG SUV PS NB'.split(' '),
);

/** Stop words for content-word overlap. */
export const STOP_WORDS = new Set(
  (
    'that this with have been from they their there were would could about what when which will also into more ' +
    'than them then only over such some very just many much most other these those being after before where ' +
    'while because said says told here your ours yours theirs itself himself herself should might must shall ' +
    'does doing done each every both either neither same does make made like know going come came want need'
  ).split(' '),
);
