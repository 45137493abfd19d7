/**
 * Curated authority records (seeds/authorities.yaml): the preferred name of an entity, its
 * aliases, Wikidata id and coordinates. `loadAuthorities` validates the file and reports every bad
 * entry by position and name; `authorityIndex` looks names up the way the resolver needs.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import type { AuthorityRecord, EntityKind } from './types.js';

const entrySchema = z
  .object({
    name: z.string({ error: 'is required (a non-empty string)' }).trim().min(1, 'is required (a non-empty string)'),
    kind: z.enum(['PERSON', 'ORGANIZATION', 'PLACE'], { error: 'must be PERSON, ORGANIZATION or PLACE' }),
    aliases: z.array(z.string({ error: 'must be strings' }).trim().min(1, 'must be non-empty strings'), { error: 'must be a list of strings' }).optional(),
    wikidata: z
      .string({ error: 'must be a Wikidata id like Q123' })
      .regex(/^Q[1-9]\d*$/, 'must be a Wikidata id like Q123')
      .nullable()
      .optional(),
    latitude: z.number({ error: 'must be a number' }).min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90').nullable().optional(),
    longitude: z.number({ error: 'must be a number' }).min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180').nullable().optional(),
    country: z
      .string({ error: 'must be an ISO 3166 alpha-2 code like UA' })
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code like UA')
      .nullable()
      .optional(),
  })
  .strict();

const fileSchema = z.union([z.array(z.unknown()), z.object({ authorities: z.array(z.unknown()) }).passthrough()]);

/** Parses and validates an authority file; throws an Error listing every bad entry. */
export function loadAuthorities(yamlText: string): AuthorityRecord[] {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (e) {
    throw new Error(`authority file is not valid YAML: ${(e as Error).message}`);
  }
  if (doc === null || doc === undefined) return [];
  const file = fileSchema.safeParse(doc);
  if (!file.success) throw new Error('authority file must be a list of entries or an object with an "authorities" list');
  const entries = Array.isArray(file.data) ? file.data : file.data.authorities;
  const out: AuthorityRecord[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  entries.forEach((raw, i) => {
    const r = entrySchema.safeParse(raw);
    const label = `entry ${i + 1}${raw && typeof raw === 'object' && 'name' in raw ? ` ("${String((raw as { name: unknown }).name)}")` : ''}`;
    if (!r.success) {
      problems.push(
        `${label}: ${r.error.issues
          .map((x) => (x.code === 'unrecognized_keys' ? `unknown field(s) ${x.keys.join(', ')}` : `${x.path.length ? `${x.path.join('.')} ` : ''}${x.message}`))
          .join('; ')}`,
      );
      return;
    }
    const k = `${r.data.kind}:${r.data.name.toLowerCase()}`;
    if (seen.has(k)) {
      problems.push(`${label}: duplicates entry ${seen.get(k)! + 1}`);
      return;
    }
    seen.set(k, i);
    out.push({
      name: r.data.name,
      kind: r.data.kind as EntityKind,
      aliases: r.data.aliases ?? [],
      wikidata: r.data.wikidata ?? null,
      latitude: r.data.latitude ?? null,
      longitude: r.data.longitude ?? null,
      country: r.data.country ?? null,
    });
  });
  if (problems.length) throw new Error(`invalid authority entries:\n  ${problems.join('\n  ')}`);
  return out;
}

/**
 * A form is matched case-sensitively when it is short or all capitals ("US" must not match "us"),
 * otherwise case-insensitively.
 */
export function formKey(form: string): string {
  const f = form.replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();
  return f.length <= 3 || /^[\p{Lu}\d.&\s-]+$/u.test(f) ? `=${f}` : `~${f.toLowerCase()}`;
}

export interface AuthorityIndex {
  find(form: string): AuthorityRecord | null;
}

export function authorityIndex(records: AuthorityRecord[]): AuthorityIndex {
  const map = new Map<string, AuthorityRecord>();
  for (const r of records) {
    for (const f of [r.name, ...(r.aliases ?? [])]) {
      const k = formKey(f);
      if (!map.has(k)) map.set(k, r);
      // Long forms also match when written in capitals.
      if (k.startsWith('=') && f.length > 3) map.set(`~${f.toLowerCase()}`, map.get(`~${f.toLowerCase()}`) ?? r);
    }
  }
  return {
    find(form) {
      const f = form.replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();
      return map.get(formKey(f)) ?? (f.length > 3 ? map.get(`~${f.toLowerCase()}`) ?? null : null);
    },
  };
}
