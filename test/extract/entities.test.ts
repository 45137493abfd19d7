import { describe, expect, it } from 'vitest';
import { loadAuthorities } from '../../src/extract/authorities';
import { recognizeEntities } from '../../src/extract/entities';
import { segment } from '../../src/extract/segment';
import type { ExtractContext } from '../../src/extract/types';

const authorities = loadAuthorities(`
- name: United States
  kind: PLACE
  aliases: [US, U.S.]
- name: United Nations
  kind: ORGANIZATION
  aliases: [UN, U.N.]
- name: Kremlin
  kind: ORGANIZATION
`);
const ctx: ExtractContext = { published: '2024-01-10', authorities };
const found = (text: string, c: ExtractContext = ctx) => {
  const r = recognizeEntities(text, segment(text).sentences, c);
  return r.candidates.map((x) => `${x.kind}:${x.form}`);
};

describe('recognizeEntities', () => {
  it('splits a title phrase into a place, a title and a person', () => {
    expect(found('US President Joe Biden spoke.')).toEqual(['PLACE:US', 'PERSON:Joe Biden']);
  });

  it('gives a person the place-bound role written before the name', () => {
    const text = 'Springfield Mayor Jane Quimby spoke.';
    const r = recognizeEntities(text, segment(text).sentences, ctx);
    const p = r.candidates.find((c) => c.kind === 'PERSON');
    expect(p?.form).toBe('Jane Quimby');
    expect(p?.roles).toEqual(['Mayor of Springfield']);
  });

  it('recognizes organizations by their head word and names them with the owning country', () => {
    expect(found('The Russian Defense Ministry said so.')).toContain('ORGANIZATION:Russian Defense Ministry');
    expect(found("Yesterday Ukraine's State Emergency Service said so.")).toContain('ORGANIZATION:Ukrainian State Emergency Service');
  });

  it('does not take a company named like a title for a person', () => {
    expect(found('Yesterday General Motors recalled trucks.')).toEqual(['ORGANIZATION:General Motors']);
    expect(found('The agency head, Acme Administrator Ann Carlson, spoke.')).toContain('PERSON:Ann Carlson');
  });

  it('uses curated aliases and acronyms', () => {
    expect(found('The UN and the U.S. met while NATO waited.')).toEqual(['ORGANIZATION:UN', 'PLACE:U.S.', 'ORGANIZATION:NATO']);
  });

  it('does not read the pronoun "us" as the United States', () => {
    expect(found('They told us nothing.')).toEqual([]);
  });

  it('finds gazetteer places and places introduced by "the town of"', () => {
    expect(found('Shelling hit Kharkiv and the town of Zbrutchyn overnight.')).toEqual(['PLACE:Kharkiv', 'PLACE:Zbrutchyn']);
  });

  it('reads a bare surname after the full name as a person', () => {
    expect(found('Maria Lopez arrived. Later Lopez left.')).toEqual(['PERSON:Maria Lopez', 'PERSON:Lopez']);
  });

  it('reads an unknown word as a person when it is the subject of a reporting verb', () => {
    expect(found('Kowalczyk said the plan would work.')).toEqual(['PERSON:Kowalczyk']);
  });

  it('does not make entities of sentence-initial common words, headings, weekdays or titles alone', () => {
    expect(found('Residents fled on Tuesday.')).toEqual([]);
    expect(found('Driving the news: Nothing happened.')).toEqual([]);
    expect(found('The President arrived.')).toEqual([]);
  });

  it('leaves out unknown capitalized phrases that have no name context', () => {
    expect(found('They visited the Babyn Yar Holocaust memorial.')).toEqual([]);
  });

  it('names a person in apposition with a reporting verb and an organization that includes a country', () => {
    expect(found('“It is bad,” said Giulia Rossa, the mayor.')).toContain('PERSON:Giulia Rossa');
    expect(found('“Act now,” Greenpeace Italy said.')).toContain('ORGANIZATION:Greenpeace Italy');
  });

  it('splits hyphenated place pairs', () => {
    expect(found('Talks on the Ukraine-Belarus border.')).toEqual(['PLACE:Ukraine', 'PLACE:Belarus']);
  });

  it('records nationality adjectives as demonyms, not entities', () => {
    const text = 'Russian forces and Russian-backed separatists advanced.';
    const r = recognizeEntities(text, segment(text).sentences, ctx);
    expect(r.candidates).toEqual([]);
    expect(r.demonyms.map((d) => [d.text, d.country])).toEqual([
      ['Russian', 'RU'],
      ['Russian', 'RU'],
    ]);
  });

  it('finds place-bound role phrases and how their place is given', () => {
    const text = "The mayor of Springfield spoke. Its mayor agreed. Springfield's governor and the city's deputy mayor did not. The mayor left.";
    const r = recognizeEntities(text, segment(text).sentences, ctx);
    expect(r.roles.map((x) => [x.title, x.placeBy, x.placeText ?? null])).toEqual([
      ['Mayor', 'explicit', 'Springfield'],
      ['Mayor', 'its', null],
      ['Governor', 'explicit', 'Springfield'],
      ['Deputy Mayor', 'city', null],
      ['Mayor', 'bare', null],
    ]);
  });

  it('uses known entities from earlier documents', () => {
    const c: ExtractContext = { ...ctx, known: [{ key: 'person:ann-okafor', kind: 'PERSON', name: 'Ann Okafor', aliases: ['Okafor'] }] };
    const r = recognizeEntities('Okafor arrived late.', segment('Okafor arrived late.').sentences, c);
    expect(r.candidates[0]).toMatchObject({ kind: 'PERSON', knownKey: 'person:ann-okafor' });
  });
});

describe('organizations by their form', () => {
  it('joins two halves of a name linked by "and" when the second ends in an organization head', () => {
    expect(found('Bags came from the National Grains and Produce Board’s reserve.')).toContain('ORGANIZATION:National Grains and Produce Board');
  });

  it('does not join two places linked by "and"', () => {
    const f = found('Officials from Kenya and Uganda Revenue Authority met.');
    expect(f).toContain('PLACE:Kenya');
    expect(f).not.toContain('ORGANIZATION:Kenya and Uganda Revenue Authority');
  });

  it('reads "X-based Y" as a place and an organization', () => {
    const f = found('said Ann Roe, an economist at Nairobi-based Acme Capital.');
    expect(f).toEqual(expect.arrayContaining(['PLACE:Nairobi', 'ORGANIZATION:Acme Capital']));
  });

  it('keeps "of the" and a compass word inside an organization name', () => {
    expect(found('Bob Roe, warden of the Municipality of the District of Elmwood, spoke.')).toContain('ORGANIZATION:Municipality of the District of Elmwood');
    expect(found('The president of the West Elmwood Harbour Authority spoke.')).toContain('ORGANIZATION:West Elmwood Harbour Authority');
  });

  it('recognizes company and institution heads such as Trust, Engineering and Infirmary', () => {
    expect(found('The contract went to Kingsfield Civil Engineering last year.')).toContain('ORGANIZATION:Kingsfield Civil Engineering');
    expect(found('Staff at Calder Vale NHS Foundation Trust were told.')).toContain('ORGANIZATION:Calder Vale NHS Foundation Trust');
  });

  it('reads "the Port of X" as an organization and "the Province of X" not', () => {
    expect(found('The Port of Rotterdam said ships waited.')).toContain('ORGANIZATION:Port of Rotterdam');
    expect(found('The Province of Nova Zorbaqa said so.')).not.toContain('ORGANIZATION:Province of Nova Zorbaqa');
  });

  it('also mentions the city at the head of an institution name', () => {
    expect(found('Nurses at Leeds General Infirmary were told.')).toEqual(expect.arrayContaining(['ORGANIZATION:Leeds General Infirmary', 'PLACE:Leeds']));
  });
});

describe('places by context', () => {
  it('reads an unknown name after a locative preposition as a place', () => {
    expect(found('Families are arriving on foot in Zorbaqa, where a clinic runs.')).toContain('PLACE:Zorbaqa');
    expect(found('About 20,000 people fled towards Zorbaqa and Melliti.')).toEqual(expect.arrayContaining(['PLACE:Zorbaqa']));
  });

  it('reads names before a place noun as places, coordinated ones too', () => {
    expect(found('Heavy rain fell in the north of Zorbaqa state.')).toContain('PLACE:Zorbaqa');
    expect(found('The situation in Zorbaqa and Melliti counties was dire.')).toEqual(expect.arrayContaining(['PLACE:Zorbaqa', 'PLACE:Melliti']));
  });

  it('keeps compass words in region names', () => {
    expect(found('The town lies in North Zorbaqa, near the border.')).toContain('PLACE:North Zorbaqa');
  });

  it('reads "the Province of X" as the place X', () => {
    expect(found('The Province of Nova Zorbaqa will spend $12 million.')).toContain('PLACE:Nova Zorbaqa');
  });

  it('reads a city written with a possessive inside its name from the gazetteer', () => {
    expect(found('The cyclone crossed the coast near Cox’s Bazar on Thursday.')).toContain('PLACE:Cox’s Bazar');
  });

  it('makes an organization-looking noun a place when the text names it as a place elsewhere', () => {
    const text = 'Thousands fled the town of Zorbaqa. Zorbaqa residents said the shelling went on.';
    const r = recognizeEntities(text, segment(text).sentences, ctx);
    expect(r.candidates.filter((c) => c.form === 'Zorbaqa').every((c) => c.kind === 'PLACE')).toBe(true);
  });

  it('does not make a possessor after "in" a place', () => {
    expect(found('In a statement, officials said so; in Zorbaqa’s view the plan failed.').filter((x) => x.startsWith('PLACE:'))).toEqual([]);
  });

  it('does not make languages, months, titles of works or common nouns places', () => {
    const f = found('He spoke in Arabic in August about a film shown in Parliament.');
    expect(f.filter((x) => x.startsWith('PLACE:'))).toEqual([]);
    expect(found('Nurses appear in The Long Night.').filter((x) => x.startsWith('PLACE:'))).toEqual([]);
  });
});
