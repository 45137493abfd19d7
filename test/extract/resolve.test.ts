import { describe, expect, it } from 'vitest';
import { loadAuthorities } from '../../src/extract/authorities';
import { recognizeEntities } from '../../src/extract/entities';
import { ensureEntity, matchKnown, nameSkeleton, resolveEntities, romanizationVariants } from '../../src/extract/resolve';
import { segment } from '../../src/extract/segment';
import type { ExtractContext } from '../../src/extract/types';

const authorities = loadAuthorities(`
- name: United States
  kind: PLACE
  aliases: [US, U.S., United States of America]
  wikidata: Q30
  latitude: 38
  longitude: -97
  country: US
`);
const resolve = (text: string, extra: Partial<ExtractContext> = {}) => {
  const ctx: ExtractContext = { published: '2024-01-10', authorities, ...extra };
  return resolveEntities(text, recognizeEntities(text, segment(text).sentences, ctx), ctx);
};

describe('resolveEntities', () => {
  it('makes one person of a full name and a later surname, keyed by the authority form', () => {
    const { entities } = resolve('Maria Lopez arrived. Lopez spoke.');
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ key: 'person:maria-lopez', name: 'Maria Lopez', aliases: ['Lopez'] });
    expect(entities[0].mentions.map((m) => m.text)).toEqual(['Maria Lopez', 'Lopez']);
  });

  it('makes one entity of curated aliases, with the curated name, id and coordinates', () => {
    const { entities } = resolve('The US and the U.S. agreed.');
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ key: 'place:united-states', name: 'United States', wikidata: 'Q30', latitude: 38, country: 'US' });
  });

  it('gives places coordinates and countries from the gazetteer', () => {
    const [kyiv] = resolve('Sirens sounded in Kyiv.').entities;
    expect(kyiv.kind).toBe('PLACE');
    expect(kyiv.country).toBe('UA');
    expect(kyiv.latitude).toBeCloseTo(50.45, 0);
  });

  it('links "its mayor" to a role entity for the last city named, when no person is named', () => {
    const { entities, refs } = resolve('Shelling hit the town of Kharkiv, its mayor said.');
    const role = entities.find((e) => e.role);
    expect(role).toMatchObject({ key: 'person:mayor-of-kharkiv', name: 'Mayor of Kharkiv', kind: 'PERSON', country: 'UA' });
    expect(refs.some((r) => r.role && r.key === role!.key && r.text === 'its mayor')).toBe(true);
  });

  it('links a role phrase to the person the text names for it', () => {
    const { entities } = resolve('Kyiv Mayor Olena Prykhod spoke. Later the mayor left.');
    const person = entities.find((e) => e.name === 'Olena Prykhod');
    expect(person?.aliases).toContain('Mayor of Kyiv');
    expect(person?.mentions.map((m) => m.text)).toContain('the mayor');
    expect(entities.some((e) => e.role)).toBe(false);
  });

  it('links an appositive role to the person before it', () => {
    const { entities } = resolve('“We are safe,” said Giulia Rossa, the mayor of Ferrara.');
    expect(entities.find((e) => e.name === 'Giulia Rossa')?.aliases).toContain('Mayor of Ferrara');
  });

  it('makes a nationality adjective refer to its country entity', () => {
    const { entities, refs } = resolve('Russian forces advanced.');
    expect(entities.map((e) => e.key)).toEqual(['place:russia']);
    expect(refs[0]).toMatchObject({ adjective: true, key: 'place:russia' });
  });

  it('reuses the key of a known entity written with another spelling', () => {
    const known = [{ key: 'person:ivan-petrenko', kind: 'PERSON' as const, name: 'Ivan Petrenko', aliases: [] }];
    const { entities } = resolve('Ivan Petrenkoy spoke.', { known });
    expect(entities[0].key).toBe('person:ivan-petrenko');
  });

  it('makes an acronym spelling the initials of an organization named in the text that organization', () => {
    const { entities } = resolve('The National Transport Safety Board (NTSB) opened an inquiry. NTSB staff arrived.');
    const org = entities.find((e) => e.kind === 'ORGANIZATION');
    expect(org).toMatchObject({ name: 'National Transport Safety Board', aliases: ['NTSB'] });
    expect(entities.filter((e) => e.kind === 'ORGANIZATION')).toHaveLength(1);
  });

  it('makes an acronym given in parentheses right after an organization that organization, not one far from it', () => {
    const { entities } = resolve('The National Agency for Roads (ANR) said it would close the bridge. ANR engineers arrived.');
    const orgs = entities.filter((e) => e.kind === 'ORGANIZATION');
    expect(orgs).toHaveLength(1);
    expect(orgs[0]).toMatchObject({ name: 'National Agency for Roads', aliases: ['ANR'] });
    const apart = resolve('The National Agency for Roads said on Monday that the old bridge (ASF) would close.').entities;
    expect(apart.find((e) => e.name === 'National Agency for Roads')?.aliases).toEqual([]);
  });

  it('makes one person of a full name with particles and a later surname with its particle, not of another surname', () => {
    const { entities } = resolve('Ursula von der Leyen arrived on Monday. Von der Leyen spoke. Paula de Souza arrived. Da Silva spoke.');
    const persons = entities.filter((e) => e.kind === 'PERSON');
    expect(persons.find((e) => e.name === 'Ursula von der Leyen')?.aliases).toEqual(['Von der Leyen']);
    expect(persons.find((e) => e.name === 'Paula de Souza')?.aliases).toEqual([]);
  });

  it('sees entities added to the same known list between documents', () => {
    const known: NonNullable<ExtractContext['known']> = [{ key: 'person:ann-okafor', kind: 'PERSON', name: 'Ann Okafor', aliases: [] }];
    expect(resolve('Ivan Petrenko spoke.', { known }).entities[0].key).toBe('person:ivan-petrenko');
    known.push({ key: 'person:ivan-petrenko-2', kind: 'PERSON', name: 'Ivan Petrenko', aliases: [] });
    expect(resolve('Ivan Petrenko spoke.', { known }).entities[0].key).toBe('person:ivan-petrenko-2');
  });

  it('keeps a role entity key stable across documents', () => {
    const known = [{ key: 'person:mayor-of-kharkiv', kind: 'PERSON' as const, name: 'Mayor of Kharkiv', aliases: [] }];
    const { entities } = resolve("Kharkiv's mayor spoke.", { known });
    expect(entities.find((e) => e.role)?.key).toBe('person:mayor-of-kharkiv');
  });
});

describe('matchKnown', () => {
  const known = [
    { key: 'person:alexei-navarro', kind: 'PERSON' as const, name: 'Alexei Navarro', aliases: ['Navarro'] },
    { key: 'person:zelinsky', kind: 'PERSON' as const, name: 'Zelinsky', aliases: [] },
  ];

  it('matches the same first name with a close surname, and a surname-only known person', () => {
    expect(matchKnown('PERSON', ['Alexei Navaro'], known)?.key).toBe('person:alexei-navarro');
    expect(matchKnown('PERSON', ['Petro Zelinskiy'], known)?.key).toBe('person:zelinsky');
  });

  it('does not match a full name with another first name, nor another kind', () => {
    expect(matchKnown('PERSON', ['Yulia Navarro'], known)).toBeNull();
    expect(matchKnown('ORGANIZATION', ['Navarro'], known)).toBeNull();
  });
});

describe('romanization variants across documents', () => {
  const known = [
    { key: 'person:samir-haddadin', kind: 'PERSON' as const, name: 'Abdulkarim Haddadin', aliases: ['Haddadin'] },
    { key: 'person:mohammed-qasem', kind: 'PERSON' as const, name: 'Mohammed Qasem', aliases: [] },
    { key: 'person:ivan-petrov', kind: 'PERSON' as const, name: 'Ivan Petrov', aliases: [] },
  ];

  it('folds vowels, doubled letters and common alternations into one skeleton', () => {
    expect(nameSkeleton('Gouma')).toBe(nameSkeleton('Juma'));
    expect(nameSkeleton('Abdelrahman')).toBe(nameSkeleton('Abdulrahman'));
    expect(nameSkeleton('Mohammed')).toBe(nameSkeleton('Muhammad'));
    expect(nameSkeleton('Khalid')).toBe(nameSkeleton('Halid'));
    expect(nameSkeleton('Kovač')).toBe(nameSkeleton('Kovac'));
  });

  it('keeps gendered forms and different names apart', () => {
    expect(nameSkeleton('Petrov')).not.toBe(nameSkeleton('Petrova'));
    expect(nameSkeleton('Ahmed')).not.toBe(nameSkeleton('Mahmoud'));
    expect(romanizationVariants('Omar', 'Amir')).toBe(false);
    expect(romanizationVariants('Hassan', 'Hussein')).toBe(false);
    expect(romanizationVariants('Mohammed', 'Muhammad')).toBe(true);
    expect(romanizationVariants('Gouma', 'Juma')).toBe(true);
  });

  it('matches a full name whose first name and surname are both romanized differently', () => {
    expect(matchKnown('PERSON', ['Abdelkarim Hadadin'], known)?.key).toBe('person:samir-haddadin');
    expect(matchKnown('PERSON', ['Muhammad Kasem'], known)?.key).toBe('person:mohammed-qasem');
  });

  it('does not match when only the surname agrees, or for a gendered form', () => {
    expect(matchKnown('PERSON', ['Ahmed Kasim'], known)).toBeNull();
    expect(matchKnown('PERSON', ['Ivana Petrova'], known)).toBeNull();
  });

  it('resolves to the known person and keeps the new spelling as aliases', () => {
    const { entities } = resolve('Abdelkarim Hadadin said the town was calm.', { known });
    const p = entities.find((e) => e.kind === 'PERSON');
    expect(p?.key).toBe('person:samir-haddadin');
    expect(p?.aliases).toEqual(expect.arrayContaining(['Abdelkarim Hadadin', 'Hadadin']));
  });
});

describe('aliases of variant spellings', () => {
  it('adds the variant surname of a full name resolved to a known person as an alias', () => {
    const known = [{ key: 'person:anna-zelinska', kind: 'PERSON' as const, name: 'Anna Zelinska', aliases: [] }];
    const { entities } = resolve('Anna Zelinskaya arrived in the city.', { known });
    expect(entities[0].key).toBe('person:anna-zelinska');
    expect(entities[0].aliases).toEqual(expect.arrayContaining(['Anna Zelinskaya', 'Zelinskaya']));
  });

  it('does not add the surname alias when the name is spelled the same', () => {
    const { entities } = resolve('Maria Lopez arrived.');
    expect(entities[0].aliases).toEqual([]);
  });
});

describe('ensureEntity', () => {
  const ctx: ExtractContext = { published: '2024-01-10', authorities: [] };
  const org = (name: string, aliases: string[] = []) => ({ key: `organization:${name.toLowerCase()}`, kind: 'ORGANIZATION' as const, name, aliases, mentions: [] });

  it('reads "<name> union" as the organization of that name, keeping the longer form as an alias', () => {
    const entities = [org('FNV')];
    const e = ensureEntity(entities, { kind: 'ORGANIZATION', name: 'FNV union' }, ctx);
    expect(e.key).toBe('organization:fnv');
    expect(e.aliases).toContain('FNV union');
    expect(entities).toHaveLength(1);
  });

  it('makes a new organization when no organization has that name', () => {
    const entities = [org('FNV')];
    const e = ensureEntity(entities, { kind: 'ORGANIZATION', name: 'Acme union' }, ctx);
    expect(e.key).toBe('organization:acme-union');
    expect(entities).toHaveLength(2);
  });
});
