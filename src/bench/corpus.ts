/**
 * The benchmark's synthetic archive: news-like documents generated deterministically from a seed.
 *
 * Names come from large pools of invented people, places and organizations (built from syllables,
 * so none is a real or seed-corpus name), drawn with a Zipf-like law so that a few recur in
 * thousands of documents and most in a handful — entities, aliases (surname-only mentions,
 * transliteration variants) and statements then grow as they do in a real archive.
 *
 * Document i depends only on (seed, i): a corpus of n documents is a prefix of a larger one,
 * and documents are generated and written one at a time (never all in memory).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chance, hash32, int, pick, rng, zipf, type Rng } from './random';

/** Documents per folder (each folder has its own catalog.yaml). */
export const PART_SIZE = 1000;

const ONSETS = ['b', 'd', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'gr', 'kr', 'tr', 'st', 'sv', 'zh', 'ch', 'sh', 'h', 'f', 'j', 'th', 'kl', 'pl', 'vl'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ei', 'ou', 'ia'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'm', 'k', 't', 'v', 'sh'];
const SURNAME_ENDINGS = ['', 'ov', 'enko', 'sky', 'ich', 'an', 'ez', 'ani', 'berg', 'ova', 'ski', 'escu', 'dze', 'oglu', 'er'];
const CITY_ENDINGS = ['', 'a', 'ia', 'grad', 'mora', 'ovo', 'stan', 'burg', 'ino', 'esh', 'polis', 'ar'];
const ORG_ADJ = ['Northern', 'Southern', 'Eastern', 'Western', 'Central', 'National', 'United', 'Coastal', 'Federal', 'Free', 'Democratic', 'Independent', 'Royal', 'Popular'];
const ORG_NOUN = ['Grain', 'Defense', 'Energy', 'Water', 'Rail', 'Health', 'Labor', 'Trade', 'Border', 'Maritime', 'Mining', 'Forestry', 'Housing', 'Aviation', 'Press', 'Refugee', 'Justice', 'Finance'];
const ORG_TYPE = ['Agency', 'Council', 'Ministry', 'Union', 'Authority', 'Commission', 'Federation', 'Institute', 'Bureau', 'Alliance', 'Front', 'Party', 'Company', 'Group', 'Bank'];
const TITLES = ['Governor', 'Mayor', 'Minister', 'General', 'Senator', 'President', 'spokesman', 'spokeswoman', 'Commander', 'Director', 'Chairman', 'Ambassador', 'Judge', 'Professor'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_ABBR = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const CHANNELS = ['Reuters', 'the Associated Press', 'state television', 'a local radio station', 'reporters', 'the BBC', 'a news conference'];
const TOPICS = [
  'the bridge over the river had been destroyed',
  'the grain shipments would resume within a week',
  'the negotiations had stalled over the border crossings',
  'the power plant was running at half capacity',
  'the curfew would be lifted at the end of the month',
  'the evacuation of civilians was proceeding slowly',
  'the budget for reconstruction would be doubled',
  'the talks would continue in the capital next week',
  'the water supply had been restored to most districts',
  'the port had reopened to cargo ships',
  'the railway line was damaged beyond repair',
  'new elections would be held in the spring',
  'the prices of bread and fuel had risen sharply',
  'the hospital was short of medicine and staff',
  'the airport would stay closed until further notice',
  'the agreement had been violated overnight',
];
const QUOTES = [
  'We will rebuild everything that was destroyed',
  'Nobody should be left without heat this winter',
  'This is not the time for empty promises',
  'We have asked our partners for more help',
  'The situation in the city is under control',
  'We are ready to talk, but not at any price',
  'Our people deserve the truth about what happened',
  'Every family will receive compensation',
  'The decision was taken without consulting us',
  'There will be no retreat from the agreement',
  'We are still counting the damage',
  'I have never seen anything like this in my life',
  'The convoy will leave as soon as the road is safe',
  'We expect the first results within days',
];
const EVENTS = [
  ['A storm hit', 'on'],
  ['Protesters gathered in', 'on'],
  ['An explosion shook', 'on'],
  ['Talks opened in', 'on'],
  ['Floods displaced families in', 'on'],
];

function syllable(r: Rng): string {
  return pick(r, ONSETS) + pick(r, VOWELS) + pick(r, CODAS);
}
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A transliteration variant of a name ("Darovsky" → "Darovskiy", "Zhanko" → "Janko"), or null. */
export function variantOf(name: string): string | null {
  const rules: [RegExp, string][] = [
    [/sky$/, 'skiy'],
    [/ski$/, 'sky'],
    [/enko$/, 'enco'],
    [/^Zh/, 'J'],
    [/ch/, 'tch'],
    [/ov$/, 'off'],
    [/ou/, 'u'],
    [/v/, 'w'],
    [/ei/, 'ey'],
    [/ia/, 'ya'],
  ];
  for (const [re, to] of rules) if (re.test(name)) return name.replace(re, to);
  return null;
}

export interface Pools {
  firstNames: string[];
  lastNames: string[];
  people: { first: string; last: string; title: string }[];
  cities: string[];
  orgs: string[];
}

/** Large invented name pools, fixed by the seed. */
export function makePools(seed: number): Pools {
  const r = rng(hash32('pools', seed));
  const uniq = (n: number, make: () => string) => {
    const s = new Set<string>();
    let guard = 0;
    while (s.size < n && guard++ < n * 20) s.add(make());
    return [...s];
  };
  const firstNames = uniq(2500, () => cap(syllable(r) + pick(r, VOWELS) + (chance(r, 0.5) ? pick(r, ['n', 'ra', 'la', 'na', 'r', 'l']) : '')));
  const lastNames = uniq(8000, () => cap(syllable(r) + syllable(r) + pick(r, SURNAME_ENDINGS)));
  const people = Array.from({ length: 30000 }, () => ({ first: pick(r, firstNames), last: pick(r, lastNames), title: pick(r, TITLES) }));
  const cities = uniq(4000, () => cap(syllable(r) + syllable(r) + pick(r, CITY_ENDINGS)));
  const orgs = uniq(3000, () =>
    chance(r, 0.3) ? `${pick(r, cities)} ${pick(r, ORG_NOUN)} ${pick(r, ORG_TYPE)}` : `${pick(r, ORG_ADJ)} ${pick(r, ORG_NOUN)} ${pick(r, ORG_TYPE)}`,
  );
  return { firstNames, lastNames, people, cities, orgs };
}

/** Publication dates span three years from this day. */
const EPOCH = Date.UTC(2031, 0, 1);
const SPAN_DAYS = 3 * 365;

export interface GeneratedDoc {
  file: string;
  title: string;
  published: string;
  text: string;
}

/** Document i of the corpus of `seed` (independent of the corpus size). */
export function generateDocument(pools: Pools, seed: number, i: number): GeneratedDoc {
  const r = rng(hash32('doc', seed, i));
  const day = new Date(EPOCH + int(r, 0, SPAN_DAYS - 1) * 86_400_000);
  const published = day.toISOString().slice(0, 10);
  const weekdayOf = (d: Date) => WEEKDAYS[(d.getUTCDay() + 6) % 7];
  const daysBefore = (n: number) => new Date(day.getTime() - n * 86_400_000);

  const city = pools.cities[zipf(r, pools.cities.length, 1.05)];
  const otherCity = pools.cities[zipf(r, pools.cities.length, 1.05)];
  const orgA = pools.orgs[zipf(r, pools.orgs.length, 1.05)];
  const orgB = pools.orgs[zipf(r, pools.orgs.length, 1.05)];
  const cast = Array.from({ length: int(r, 3, 5) }, () => pools.people[zipf(r, pools.people.length, 1.08)]);
  const surname = (p: (typeof cast)[number]) => (chance(r, 0.12) ? (variantOf(p.last) ?? p.last) : p.last);

  const paras: string[] = [];
  const used: string[] = [];
  const topic = () => pick(r, TOPICS);
  const quote = () => pick(r, QUOTES);
  const y = day.getUTCFullYear();

  // Lead: full name, title, said on <weekday> that ...
  const lead = cast[0];
  const yesterday = daysBefore(int(r, 1, 3));
  paras.push(
    `${lead.title} ${lead.first} ${lead.last} said on ${weekdayOf(yesterday)} that ${topic()} in the ${pick(r, ['city', 'town', 'port'])} of ${city}. ` +
      `The ${orgA} said in a statement that ${topic()}.`,
  );
  used.push(lead.last);

  for (const [j, p] of cast.entries()) {
    const first = !used.includes(p.last) || j === 0;
    const full = first ? `${p.first} ${p.last}` : surname(p);
    used.push(p.last);
    const who = first ? `${full}, a ${p.title.toLowerCase()} with the ${pick(r, [orgA, orgB])},` : full;
    const sentences: string[] = [];
    switch (int(r, 0, 5)) {
      case 0:
        sentences.push(`“${quote()},” ${who} told ${pick(r, CHANNELS)}.`);
        break;
      case 1:
        sentences.push(`"${quote()}," said ${full}.`);
        break;
      case 2:
        sentences.push(`${who} said on ${weekdayOf(daysBefore(int(r, 0, 6)))} that ${topic()}.`);
        break;
      case 3:
        sentences.push(`According to ${full}, ${topic()}.`);
        break;
      case 4:
        sentences.push(`Last week, ${full} said that ${topic()} in the town of ${otherCity}.`);
        break;
      default: {
        const d = daysBefore(int(r, 5, 40));
        sentences.push(`On ${MONTH_ABBR[d.getUTCMonth()]} ${d.getUTCDate()}, ${full} told reporters in the city of ${otherCity} that ${topic()}.`);
      }
    }
    if (chance(r, 0.6)) sentences.push(`“${quote()}. ${quote()},” ${surname(p)} added.`);
    if (chance(r, 0.4)) sentences.push(`In ${y - int(r, 1, 12)}, ${surname(p)} had said that ${topic()}.`);
    paras.push(sentences.join(' '));
  }

  // Conflicting claims about who holds the city and how many were hurt: contradictions.
  if (chance(r, 0.35)) {
    paras.push(
      `The ${orgA} said its forces have captured ${city}. ` +
        `But ${cast[1].first} ${cast[1].last} of the ${orgB} said they still hold ${city}.`,
    );
  }
  if (chance(r, 0.35)) {
    paras.push(`The ${orgB} said at least ${int(r, 2, 40)} people were killed in ${city}. According to the ${orgA}, nearly ${int(r, 2, 40)} people were injured.`);
  }
  const [ev, prep] = pick(r, EVENTS);
  paras.push(`${ev} ${city} ${prep} ${weekdayOf(daysBefore(int(r, 0, 5)))}, residents said. ${cap(topic())}, the ${orgB} said.`);

  // Background filler to reach 2–4 KB.
  const target = int(r, 2100, 3900);
  let body = paras.join('\n\n');
  while (body.length < target - 200) {
    const p = pick(r, cast);
    const filler = [
      `Residents of ${pick(r, [city, otherCity])} said ${topic()}, and ${topic()}.`,
      `Officials in ${otherCity} declined to comment on reports that ${topic()}.`,
      `${p.first} ${p.last} has been ${p.title.toLowerCase()} since ${y - int(r, 1, 9)}.`,
      `The ${pick(r, [orgA, orgB])} told Reuters that ${topic()}.`,
      `Earlier this month, local media reported that ${topic()}.`,
    ];
    body += `\n\n${pick(r, filler)} ${pick(r, filler)}`;
  }
  const title = `${orgA} warns ${topic().replace(/^the /, '').split(' ').slice(0, 5).join(' ')} in ${city}`;
  const text = `${title}\n\n${body}\n`;
  return { file: `${String(i).padStart(7, '0')}.txt`, title, published, text };
}

const yamlString = (s: string) => JSON.stringify(s);

export interface CorpusInfo {
  dir: string;
  parts: string[];
  docs: number;
  bytes: number;
}

/**
 * Writes (or reuses) the corpus of `n` documents under root/corpus-<seed>-<n>/part-NNNN/, each part
 * with a catalog.yaml giving title and published date. Generation streams one document at a time.
 */
export function ensureCorpus(root: string, seed: number, n: number, say: (m: string) => void = () => undefined): CorpusInfo {
  const dir = join(root, `corpus-${seed}-${n}`);
  const parts = Array.from({ length: Math.ceil(n / PART_SIZE) }, (_, p) => join(dir, `part-${String(p).padStart(4, '0')}`));
  const done = join(dir, 'complete.json');
  if (existsSync(done)) {
    const info = JSON.parse(readFileSync(done, 'utf8')) as { docs: number; bytes: number };
    return { dir, parts, docs: info.docs, bytes: info.bytes };
  }
  rmSync(dir, { recursive: true, force: true });
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  const pools = makePools(seed);
  let bytes = 0;
  for (let p = 0; p < parts.length; p++) {
    const partDir = join(tmp, `part-${String(p).padStart(4, '0')}`);
    mkdirSync(partDir, { recursive: true });
    const catalog: string[] = ['# Synthetic benchmark corpus (src/bench/corpus.ts); invented names only.', 'documents:'];
    for (let i = p * PART_SIZE; i < Math.min(n, (p + 1) * PART_SIZE); i++) {
      const d = generateDocument(pools, seed, i);
      writeFileSync(join(partDir, d.file), d.text);
      bytes += Buffer.byteLength(d.text);
      catalog.push(`  - file: ${d.file}`, `    title: ${yamlString(d.title)}`, `    published: ${d.published}`, `    publisher: "Synthetic Wire"`, `    language: en`);
    }
    writeFileSync(join(partDir, 'catalog.yaml'), catalog.join('\n') + '\n');
    if ((p + 1) % 10 === 0) say(`corpus: ${Math.min(n, (p + 1) * PART_SIZE)}/${n} documents written`);
  }
  writeFileSync(join(tmp, 'complete.json'), JSON.stringify({ seed, docs: n, bytes }));
  renameSync(tmp, dir);
  return { dir, parts, docs: n, bytes };
}

/** A digest of the first documents, for the determinism test. */
export function corpusDigest(seed: number, count: number): string {
  const pools = makePools(seed);
  const h = createHash('sha256');
  for (let i = 0; i < count; i++) h.update(generateDocument(pools, seed, i).text);
  return h.digest('hex');
}
