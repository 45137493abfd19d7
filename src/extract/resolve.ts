/**
 * Resolution: one entity per referent, with a key stable across documents and runs.
 *
 *  - Within a document: a surname after a full name is that person ("Roe" after "Jane Roe");
 *    the same first name with a close surname is one person ("Ivan Petrenko"/"Petrenkoy");
 *    curated aliases ("US", "U.S.", "United States") are one entity; places are one per
 *    gazetteer entry.
 *  - Place-bound roles ("the mayor of X", "its mayor", "X's mayor") go to the person the text
 *    names for that role ("X Mayor Jane Doe"), else to a role entity "Mayor of X" (role: true).
 *  - Nationality adjectives ("French forces") refer to the country, which becomes an entity.
 *  - Across documents: an entity matching `ctx.known` by name or alias, by the same first name
 *    and a close surname, or by a close surname alone when only one known person fits, reuses
 *    that entity's key. Otherwise the key is `<kind>:<slug of the authority form>`.
 *  - Curated authorities give the preferred name, aliases, Wikidata id and coordinates; the
 *    gazetteer gives coordinates and countries.
 */
import { authorityIndex, type AuthorityIndex } from './authorities.js';
import type { DemonymMention, EntityCandidate, Recognition, RoleCandidate } from './entities.js';
import { gazetteer, type GazetteerPlace } from './gazetteer.js';
import { NAME_PARTICLES } from './lexicon.js';
import { editDistance, similarSurname, slug, surnameBucket } from './text.js';
import type { AuthorityRecord, EntityKind, EntityRecord, ExtractContext, Mention, Span } from './types.js';
import { newCursor, refreshAliases, type KnownCursor } from './known-pass.js';

/** A resolved mention: where an entity is referred to, for the later stages. */
export interface MentionRef extends Span {
  text: string;
  key: string;
  kind: EntityKind;
  /** A city-level place (a candidate for "its mayor", "the city"). */
  city?: boolean;
  /** A nationality adjective or plural ("French", "Italians"). */
  adjective?: boolean;
  /** A place-bound role phrase ("its mayor"). */
  role?: boolean;
}

export interface Resolution {
  entities: EntityRecord[];
  refs: MentionRef[];
}

interface Cluster {
  kind: EntityKind;
  forms: string[];
  mentions: Mention[];
  refs: Omit<MentionRef, 'key'>[];
  authority: AuthorityRecord | null;
  knownKey: string | null;
  place: GazetteerPlace | null;
  country: string | null;
  roles: Set<string>;
  role: boolean;
  roleName?: string;
  /** Forms from demonyms only (the country is named by an adjective). */
  fromAdjective?: boolean;
}

const kindPrefix = (k: EntityKind) => k.toLowerCase();
const lastWord = (s: string) => s.split(/\s+/).pop() ?? s;
const firstWord = (s: string) => s.split(/\s+/)[0];
const norm = (s: string) => s.replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();

type Known = NonNullable<ExtractContext['known']>[number];

/**
 * A name's consonant skeleton over common romanization variants of one name (Arabic, Slavic,
 * Persian, ...): vowels and doubled letters do not count ("Abdelrahman"/"Abdulrahman",
 * "Mohammed"/"Muhammad"), nor do the alternations g/j/dj, q/k/ck/c, kh/h, gh/g, ph/f, w/v, z/s,
 * th/t. The first letter is kept as a vowel class, and the ending as vowel or consonant, so that
 * "Juma"/"Gouma" agree but "Petrov"/"Petrova" (a gendered form) do not.
 */
export function nameSkeleton(word: string): string {
  const folded = foldRomanization(word);
  if (!folded) return '';
  const head = /^[aeiouy]/.test(folded) ? 'a' : folded[0];
  const body = folded.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
  const tail = /[aeiouy]$/.test(folded) ? '~' : '';
  return `${head}${body}${tail}`;
}

/**
 * Two words are romanizations of one name: the same skeleton, and their spellings (alternations
 * folded) differ in at most a third of their letters ("Mohammed"/"Muhammad", not "Omar"/"Amir" or
 * "Hassan"/"Hussein").
 */
export function romanizationVariants(a: string, b: string): boolean {
  if (nameSkeleton(a) !== nameSkeleton(b)) return false;
  const x = foldRomanization(a);
  const y = foldRomanization(b);
  return editDistance(x, y) <= Math.max(1, Math.floor(Math.min(x.length, y.length) / 3));
}

/** A word with romanization alternations folded (ou/oo → u, ee → i, kh → h, g/dj → j, ...). */
function foldRomanization(word: string): string {
  const w = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(?:al|el|ul|ad|ar|as|at|an)-/, '')
    .replace(/[^a-z]/g, '');
  if (!w) return '';
  const folded = w
    .replace(/dj|dzh|zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ck|q|c(?=[aou]|$)/g, 'k')
    .replace(/g/g, 'j')
    .replace(/w/g, 'v')
    .replace(/z/g, 's')
    .replace(/ou|oo/g, 'u')
    .replace(/ee|y/g, 'i')
    .replace(/(.)\1+/g, '$1');
  return folded;
}

/** The skeleton key of a full name (first and last word), or null for a single word. */
function fullNameSkeleton(name: string): string | null {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return null;
  const first = nameSkeleton(words[0]);
  const last = nameSkeleton(words[words.length - 1]);
  // Too short to tell names apart ("Li", "Wu"): no skeleton match.
  if (first.replace(/~$/, '').length < 2 || last.replace(/~$/, '').length < 2) return null;
  return `${first}|${last}`;
}

/** The known entity (earlier documents) a cluster is, if any. */
interface KnownForms {
  /** kind + form (exact for forms of ≤ 3 characters, lower-cased otherwise) → entity. */
  byForm: Map<string, Known>;
  /** People (not roles) by the bucket of each form's surname. */
  personsBySurname: Map<string, Known[]>;
  /** People (not roles) by the skeleton of each full-name form (romanization variants). */
  personsBySkeleton: Map<string, Known[]>;
}
/**
 * The index over known entities is kept per list and brought up to date incrementally: the ingest
 * appends entities and aliases to the same list document after document, so re-indexing the whole
 * list for each document would make the cost per document grow with the archive.
 */
interface KnownIndexState {
  idx: KnownForms;
  cur: KnownCursor;
  byKey: Map<string, Known>;
}
const knownFormsCache = new WeakMap<readonly Known[], KnownIndexState>();

function indexForm(idx: KnownForms, k: Known, f: string): void {
  const nf = norm(f);
  const fk = `${k.kind}|${nf.length <= 3 ? nf : nf.toLowerCase()}`;
  if (!idx.byForm.has(fk)) idx.byForm.set(fk, k);
  if (k.kind === 'PERSON' && !/\bof\b/i.test(k.name) && !/\b(?:of|for|to)\b/.test(f)) {
    const b = surnameBucket(lastWord(f));
    const list = idx.personsBySurname.get(b) ?? [];
    if (!list.includes(k)) list.push(k);
    idx.personsBySurname.set(b, list);
    const sk = fullNameSkeleton(f);
    if (sk) {
      const bySk = idx.personsBySkeleton.get(sk) ?? [];
      if (!bySk.includes(k)) bySk.push(k);
      idx.personsBySkeleton.set(sk, bySk);
    }
  }
}

function knownState(known: readonly Known[]): KnownIndexState {
  let st = knownFormsCache.get(known);
  if (!st || st.cur.aliasCounts.length > known.length) {
    st = { idx: { byForm: new Map(), personsBySurname: new Map(), personsBySkeleton: new Map() }, cur: newCursor(known), byKey: new Map() };
    knownFormsCache.set(known, st);
  }
  // Aliases added to entries already indexed (looked for once per pass, see known-pass.ts).
  const { idx, cur, byKey } = st;
  refreshAliases(known, cur, (k, aliases) => aliases.forEach((a) => indexForm(idx, k, a)));
  // Entries appended since.
  for (let i = cur.aliasCounts.length; i < known.length; i++) {
    const k = known[i];
    for (const f of [k.name, ...k.aliases]) indexForm(idx, k, f);
    if (!byKey.has(k.key)) byKey.set(k.key, k);
    cur.aliasCounts.push(k.aliases.length);
  }
  return st;
}

function knownForms(known: readonly Known[]): KnownForms {
  return knownState(known).idx;
}

/** The known entity with this key, if any (indexed, not a scan). */
export function knownByKey(known: readonly Known[], key: string): Known | null {
  return knownState(known).byKey.get(key) ?? null;
}

export function matchKnown(kind: EntityKind, forms: string[], known: readonly Known[], role = false): Known | null {
  if (!known.length) return null;
  const idx = knownForms(known);
  for (const f of forms) {
    const nf = norm(f);
    const hit = idx.byForm.get(`${kind}|${nf.length <= 3 ? nf : nf.toLowerCase()}`);
    if (hit) return hit;
  }
  if (kind !== 'PERSON' || role) return null;
  const full = forms.filter((f) => f.split(/\s+/).length > 1);
  const people = [...new Set(forms.flatMap((f) => idx.personsBySurname.get(surnameBucket(lastWord(f))) ?? []))];
  // Same first name, close surname.
  for (const f of full) {
    for (const k of people) {
      for (const kf of [k.name, ...k.aliases]) {
        if (kf.split(/\s+/).length < 2) continue;
        if (firstWord(kf).toLowerCase() === firstWord(f).toLowerCase() && similarSurname(lastWord(kf), lastWord(f))) return k;
      }
    }
  }
  // A romanization variant of the whole name ("Abdulrahman Juma" / "Abdelrahman Gouma"): first
  // name and surname agree in their skeletons, and exactly one known person has that skeleton.
  for (const f of full) {
    const sk = fullNameSkeleton(f);
    const words = f.split(/\s+/);
    const hits = (sk ? idx.personsBySkeleton.get(sk) ?? [] : []).filter((k) =>
      [k.name, ...k.aliases].some((kf) => {
        const kw = kf.split(/\s+/);
        return kw.length > 1 && romanizationVariants(kw[0], words[0]) && romanizationVariants(kw[kw.length - 1], words[words.length - 1]);
      }),
    );
    if (hits.length === 1) return hits[0];
  }
  // A close surname alone, when only one known person fits. A full name never joins a known
  // person written in full with another first name ("Anna Petrova" is not "Ivan Petrov").
  const surnames = [...new Set(forms.map(lastWord))];
  const firstNames = new Set(full.map((f) => firstWord(f).toLowerCase()));
  const fits = people.filter((k) => {
    const kforms = [k.name, ...k.aliases];
    if (!kforms.some((kf) => surnames.some((s) => similarSurname(lastWord(kf), s)))) return false;
    const kFirst = kforms.filter((kf) => kf.split(/\s+/).length > 1).map((kf) => firstWord(kf).toLowerCase());
    return !firstNames.size || !kFirst.length || kFirst.some((f) => firstNames.has(f));
  });
  return fits.length === 1 ? fits[0] : null;
}

export interface ResolveOptions {
  authorities?: AuthorityIndex;
}

/** Resolve recognized mentions to entities. Pure. */
export function resolveEntities(text: string, rec: Recognition, ctx: ExtractContext, opts: ResolveOptions = {}): Resolution {
  const gz = gazetteer();
  const auth = opts.authorities ?? authorityIndex(ctx.authorities);
  const known = ctx.known ?? [];
  const clusters: Cluster[] = [];
  const byId = new Map<string, Cluster>();

  const newCluster = (id: string, kind: EntityKind, init: Partial<Cluster> = {}): Cluster => {
    let c = byId.get(id);
    if (!c) {
      c = { kind, forms: [], mentions: [], refs: [], authority: null, knownKey: null, place: null, country: null, roles: new Set(), role: false, ...init };
      byId.set(id, c);
      clusters.push(c);
    }
    return c;
  };
  const clusterOf = new Map<EntityCandidate, Cluster>();
  const attach = (c: Cluster, m: EntityCandidate | RoleCandidate | DemonymMention, form: string | null, extra: Partial<MentionRef> = {}) => {
    if ('kind' in m && 'source' in m) clusterOf.set(m, c);
    if (form && !c.forms.includes(form)) c.forms.push(form);
    c.mentions.push({ start: m.start, end: m.end, text: m.text });
    c.refs.push({ start: m.start, end: m.end, text: m.text, kind: c.kind, ...extra });
  };

  const sorted = [...rec.candidates].sort((a, b) => a.start - b.start);
  const isCity = (c: EntityCandidate) => c.kind === 'PLACE' && (c.place?.kind === 'city' || c.source === 'place-context');

  // 1. Authorities, known entities, places, organizations, full person names.
  const persons: Cluster[] = [];
  const singles: EntityCandidate[] = [];
  for (const c of sorted) {
    if (c.authority) {
      const cl = newCluster(`A:${c.authority.kind}:${c.authority.name}`, c.authority.kind, { authority: c.authority, place: c.place ?? null, country: c.authority.country ?? c.place?.country ?? null });
      attach(cl, c, c.form, { city: isCity(c) });
      continue;
    }
    if (c.knownKey && (c.kind !== 'PERSON' || c.form.includes(' '))) {
      const cl = newCluster(`K:${c.knownKey}`, c.kind, { knownKey: c.knownKey, place: c.place ?? null, country: c.country ?? c.place?.country ?? null });
      attach(cl, c, c.form, { city: isCity(c) });
      if (c.kind === 'PERSON') persons.push(cl);
      continue;
    }
    if (c.kind === 'PLACE') {
      const id = c.place ? `P:${c.place.name}:${c.place.country}` : `P:${c.form.toLowerCase()}`;
      const cl = newCluster(id, 'PLACE', { place: c.place ?? null, country: c.place?.country ?? c.country ?? null });
      attach(cl, c, c.form, { city: isCity(c) });
      continue;
    }
    if (c.kind === 'ORGANIZATION') {
      const cl = newCluster(`O:${c.form.toLowerCase()}`, 'ORGANIZATION', { country: c.country ?? null });
      attach(cl, c, c.form);
      if (c.text !== c.form && !cl.forms.includes(c.text)) cl.forms.push(c.text);
      continue;
    }
    // PERSON
    if (c.form.split(/\s+/).length > 1) {
      // A surname with its particle ("Von der Leyen", "Van Kerkhove") is the person named in full with it.
      const particled = NAME_PARTICLES.has(firstWord(c.form).toLowerCase()) ? ` ${c.form.toLowerCase()}` : null;
      const existing = persons.find((p) =>
        p.forms.some((f) =>
          particled
            ? f.toLowerCase().endsWith(particled)
            : f.split(/\s+/).length > 1 && firstWord(f).toLowerCase() === firstWord(c.form).toLowerCase() && similarSurname(lastWord(f), lastWord(c.form)),
        ),
      );
      const cl = existing ?? newCluster(`H:${c.form.toLowerCase()}`, 'PERSON');
      if (!existing) persons.push(cl);
      attach(cl, c, c.form);
      if (c.country && !cl.country) cl.country = c.country;
      for (const r of c.roles ?? []) cl.roles.add(r);
    } else singles.push(c);
  }
  // 1b. An acronym spelling the initials of an organization named in the document is that
  // organization ("National Transport Safety Board (NTSB)", later "NTSB"), and so is one given in
  // parentheses right after its name ("National Agency for Roads (ANR)").
  const initials = (name: string) =>
    name
      .split(/[\s-]+/)
      .filter((w) => w && !/^(?:of|for|and|the|on|in|&)$/i.test(w) && !/^(?:\p{Lu}\.)+$/u.test(w))
      .map((w) => w[0].toUpperCase())
      .join('');
  for (const acr of clusters.filter((c) => c.kind === 'ORGANIZATION' && !c.authority && c.forms.every((f) => /^\p{Lu}{2,6}$/u.test(f)))) {
    const defines = (c: Cluster) => c.mentions.some((m) => acr.mentions.some((a) => a.start > m.end && /^\s*\($/.test(text.slice(m.end, a.start)) && text[a.end] === ')'));
    const full =
      clusters.find((c) => c !== acr && c.kind === 'ORGANIZATION' && c.forms.some((f) => f.split(/\s+/).length > 1 && initials(f) === acr.forms[0])) ??
      clusters.find((c) => c !== acr && c.kind === 'ORGANIZATION' && defines(c));
    if (!full) continue;
    for (const f of acr.forms) if (!full.forms.includes(f)) full.forms.push(f);
    full.mentions.push(...acr.mentions);
    full.refs.push(...acr.refs);
    for (const [cand, cl] of clusterOf) if (cl === acr) clusterOf.set(cand, full);
    clusters.splice(clusters.indexOf(acr), 1);
    for (const [id, cl] of byId) if (cl === acr) byId.set(id, full);
  }

  // 2. Surnames alone: the person named in full (the most recent before, else any), else a person of their own.
  for (const c of singles) {
    const fits = persons.filter((p) => p.forms.some((f) => similarSurname(lastWord(f), c.form)));
    const exact = fits.filter((p) => p.forms.some((f) => lastWord(f).toLowerCase() === c.form.toLowerCase()));
    const pick = (exact.length ? exact : fits).sort((a, b) => (b.mentions.find((m) => m.start < c.start)?.start ?? -1) - (a.mentions.find((m) => m.start < c.start)?.start ?? -1))[0];
    if (pick) {
      attach(pick, c, c.form);
      continue;
    }
    const cl = c.knownKey ? newCluster(`K:${c.knownKey}`, 'PERSON', { knownKey: c.knownKey }) : newCluster(`H:${c.form.toLowerCase()}`, 'PERSON');
    if (!persons.includes(cl)) persons.push(cl);
    attach(cl, c, c.form);
  }

  // 3. Place-bound roles.
  const placeRefs = () =>
    clusters
      .filter((c) => c.kind === 'PLACE')
      .flatMap((c) => c.refs.filter((r) => r.city).map((r) => ({ ...r, cluster: c })))
      .sort((a, b) => a.start - b.start);
  const cityRefs = placeRefs();
  for (const r of [...rec.roles].sort((a, b) => a.start - b.start)) {
    let placeName: string | null = null;
    let placeCountry: string | null = null;
    if (r.placeBy === 'explicit' && r.placeText) {
      const t = r.placeText.replace(/['’]s$/, '');
      const a = auth.find(t);
      const p = a?.kind === 'PLACE' ? a : null;
      const g = gz.lookup(t);
      const local = clusters.find((c) => c.kind === 'PLACE' && c.forms.some((f) => f.toLowerCase() === t.toLowerCase()));
      if (p) {
        placeName = p.name;
        placeCountry = p.country ?? null;
      } else if (local) {
        placeName = nameOf(local);
        placeCountry = local.country;
      } else if (g) {
        placeName = g.name;
        placeCountry = g.country;
      }
    } else {
      const before = cityRefs.filter((p) => p.end <= r.start);
      const near = before[before.length - 1];
      if (near) {
        placeName = nameOf(near.cluster);
        placeCountry = near.cluster.country;
      }
    }
    if (!placeName) continue;
    const roleName = `${r.title} of ${placeName}`;
    const aliases = r.placeBy === 'explicit' ? [norm(r.text).replace(/^the\s+/i, '')] : [];
    // The person the text names in the same breath: "Ferrara mayor Jane Roe", "Jane Roe, the mayor of X".
    const adjacent = sorted.find(
      (c) => c.kind === 'PERSON' && ((c.start >= r.end && /^\s+$/.test(text.slice(r.end, c.start))) || (c.end <= r.start && /^,\s+$/.test(text.slice(c.end, r.start)))),
    );
    const adjacentCluster = adjacent ? clusterOf.get(adjacent) : undefined;
    if (adjacentCluster) adjacentCluster.roles.add(roleName);
    // A person named for this role in this document, or an entity already known by it.
    const person = persons.find((p) => [...p.roles].some((x) => x.toLowerCase() === roleName.toLowerCase()));
    if (person) {
      attach(person, r, null, { role: true });
      continue;
    }
    const k = matchKnown('PERSON', [roleName, ...aliases], known, true);
    const cl = k ? newCluster(`K:${k.key}`, 'PERSON', { knownKey: k.key, role: /\bof\b/.test(k.name) }) : newCluster(`R:${roleName.toLowerCase()}`, 'PERSON', { role: true });
    cl.roleName ??= roleName;
    cl.country ??= placeCountry;
    if (!cl.forms.includes(roleName)) cl.forms.unshift(roleName);
    attach(cl, r, null, { role: true });
    for (const a of aliases) if (!cl.forms.includes(a)) cl.forms.push(a);
  }

  // 4. Nationality adjectives refer to their country.
  for (const d of rec.demonyms) {
    const country = gz.countryByCode(d.country);
    if (!country) continue;
    let cl = clusters.find((c) => c.kind === 'PLACE' && ((c.place?.kind === 'country' && c.place.country === d.country) || (c.authority?.country === d.country && c.authority.name === auth.find(country.name)?.name)));
    if (!cl) {
      const a = auth.find(country.name);
      cl = a
        ? newCluster(`A:${a.kind}:${a.name}`, 'PLACE', { authority: a, place: country, country: d.country })
        : newCluster(`P:${country.name}:${country.country}`, 'PLACE', { place: country, country: d.country });
      if (!cl.forms.length) cl.fromAdjective = true;
    }
    cl.mentions.push({ start: d.start, end: d.end, text: d.text });
    cl.refs.push({ start: d.start, end: d.end, text: d.text, kind: 'PLACE', adjective: true });
  }

  // 5. Entities: names, keys (known first), aliases, coordinates.
  const entities: EntityRecord[] = [];
  const refs: MentionRef[] = [];
  const usedKeys = new Map<string, EntityRecord>();
  for (const c of clusters) {
    if (!c.authority) {
      const a = c.forms.map((f) => auth.find(f)).find((x) => x && x.kind === c.kind);
      if (a) c.authority = a;
    }
    let name = nameOf(c);
    if (c.fromAdjective && !c.forms.length) c.forms.push(name);
    const k = c.knownKey ? knownByKey(known, c.knownKey) : matchKnown(c.kind, [name, ...c.forms, ...c.roles], known, c.role);
    if (k && !c.authority && !c.place && !c.roleName && c.kind !== 'PLACE') {
      // Keep the archive's form unless this document writes the name more fully.
      const words = (x: string) => x.split(/\s+/).length;
      const nameLike = (x: string) => c.kind !== 'PERSON' || /^(?:\p{Lu}[\p{L}’'.-]*\s*)+$/u.test(x);
      const best = [k.name, ...k.aliases].filter(nameLike).reduce((a, b) => (words(b) > words(a) ? b : a), k.name);
      if (words(best) >= words(name)) name = best;
    }
    const key = k?.key ?? `${kindPrefix(c.kind)}:${slug(name)}`;
    const aliasSet = new Set<string>();
    for (const f of [...c.forms, ...(c.authority?.aliases ?? []), ...c.roles]) if (norm(f) !== name) aliasSet.add(norm(f));
    if (c.authority && c.authority.name !== name) aliasSet.add(c.authority.name);
    // Every spelling seen is an alias: a full name written with a variant surname ("Mira
    // Okaforr" for "Mira Okafor") also gives the variant surname alone.
    if (c.kind === 'PERSON' && !c.role && !c.roleName && name.includes(' ')) {
      for (const f of c.forms) {
        const words = norm(f).split(' ');
        const last = words[words.length - 1];
        if (words.length > 1 && /^\p{Lu}/u.test(last) && last !== lastWord(name) && !/\b(?:of|for|to)\b/.test(f)) aliasSet.add(last);
      }
    }
    const existing = usedKeys.get(key);
    if (existing) {
      for (const a of aliasSet) if (!existing.aliases.includes(a) && a !== existing.name) existing.aliases.push(a);
      existing.mentions.push(...c.mentions);
    } else {
      const e: EntityRecord = {
        key,
        kind: c.kind,
        name,
        aliases: [...aliasSet],
        mentions: c.mentions,
        wikidata: c.authority?.wikidata ?? null,
        latitude: c.authority?.latitude ?? c.place?.latitude ?? null,
        longitude: c.authority?.longitude ?? c.place?.longitude ?? null,
        country: c.country ?? c.authority?.country ?? c.place?.country ?? null,
      };
      if (c.role && !(k && !/\bof\b/.test(k.name))) e.role = true;
      usedKeys.set(key, e);
      entities.push(e);
    }
    for (const r of c.refs) refs.push({ ...r, key });
  }
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start);
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  return { entities, refs };
}

/** The authority form of a cluster: curated name, role name, gazetteer name, else its fullest form. */
function nameOf(c: Cluster): string {
  if (c.authority) return c.authority.name;
  if (c.roleName) return c.roleName;
  if (c.place) return c.place.name;
  const forms = c.forms.length ? c.forms : ['?'];
  if (c.kind === 'PERSON') {
    const full = forms.filter((f) => f.split(/\s+/).length > 1 && !/\bof\b/.test(f));
    const pool = full.length ? full : forms;
    // The first full form (the article's own spelling), preferring more words.
    return norm([...pool].sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length)[0]);
  }
  return norm([...forms].sort((a, b) => b.length - a.length)[0]);
}

/** Find or add an entity for a speaker phrase the recognizer does not cover (groups, unnamed roles). */
export function ensureEntity(
  entities: EntityRecord[],
  draft: { kind: EntityKind; name: string; aliases?: string[]; role?: boolean; country?: string | null; mention?: Mention },
  ctx: ExtractContext,
): EntityRecord {
  const forms = [draft.name, ...(draft.aliases ?? [])];
  const lower = new Set(forms.map((f) => norm(f).toLowerCase()));
  let e = entities.find((x) => x.kind === draft.kind && [x.name, ...x.aliases].some((f) => lower.has(norm(f).toLowerCase())));
  // "the FNV union", "Acme group": a name followed by a lower-case generic noun is that organization.
  const generic = draft.kind === 'ORGANIZATION' ? /^(.+?)\s+(?:union|group|party|company|firm|agency|network|organi[sz]ation|association|alliance|movement|coalition|charity|operator|militia)$/.exec(norm(draft.name)) : null;
  if (!e && generic) {
    const head = generic[1];
    e = entities.find((x) => x.kind === 'ORGANIZATION' && [x.name, ...x.aliases].some((f) => (f.length <= 3 || head.length <= 3 ? f === head : f.toLowerCase() === head.toLowerCase())));
    if (e && !e.aliases.includes(draft.name) && e.name !== draft.name) e.aliases.push(draft.name);
  }
  if (!e) {
    const k = matchKnown(draft.kind, forms, ctx.known ?? [], true);
    e = {
      key: k?.key ?? `${kindPrefix(draft.kind)}:${slug(draft.name)}`,
      kind: draft.kind,
      name: draft.name,
      aliases: [...new Set((draft.aliases ?? []).filter((a) => a !== draft.name))],
      mentions: [],
      country: draft.country ?? null,
      wikidata: null,
      latitude: null,
      longitude: null,
    };
    if (draft.role) e.role = true;
    const clash = entities.find((x) => x.key === e!.key);
    if (clash) e = clash;
    else entities.push(e);
  } else {
    for (const a of draft.aliases ?? []) if (a !== e.name && !e.aliases.includes(a)) e.aliases.push(a);
  }
  if (draft.mention && !e.mentions.some((m) => m.start === draft.mention!.start)) e.mentions.push(draft.mention);
  return e;
}
