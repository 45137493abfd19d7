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

describe('institution and landmark heads', () => {
  it('reads exchanges, securities firms, forums and embassies as organizations', () => {
    expect(found('Shares fell on the Zorbaqa Stock Exchange on Monday.')).toContain('ORGANIZATION:Zorbaqa Stock Exchange');
    expect(found('Analysts at Melliti Securities said so.')).toContain('ORGANIZATION:Melliti Securities');
    expect(found('Leaders met at the Zorbaqa Islands Forum.')).toContain('ORGANIZATION:Zorbaqa Islands Forum');
  });

  it('reads squares and bridges as places', () => {
    expect(found('Police cleared Zor-Baqa Square early on Tuesday.')).toContain('PLACE:Zor-Baqa Square');
    expect(found('Traffic stopped on the Melliti Bridge.')).toContain('PLACE:Melliti Bridge');
  });

  it('does not make lower-case head words or a sentence-initial head an organization or a place', () => {
    expect(found('Shares fell on the stock exchange and the square was empty.')).toEqual([]);
    expect(found('Square meals were served in Zorbaqa.')).not.toContain('PLACE:Square');
  });
});

describe('organizations named beside a lower-case organization noun', () => {
  it('reads a name after "rights group", before "party", or with "a rights group" in apposition as an organization', () => {
    expect(found('The rights group Zorbaqa Kadam said nine people died.')).toContain('ORGANIZATION:Zorbaqa Kadam');
    expect(found('Valdo, who leads the Melliti Sur party, spoke.')).toContain('ORGANIZATION:Melliti Sur');
    expect(found('Zorbaqa Kadam, a local rights group that counts the dead, said so.')).toContain('ORGANIZATION:Zorbaqa Kadam');
  });

  it('does not make a person described as a member of a party, or a place before "group", an organization', () => {
    expect(found('Ana Melliti, a member of the party, said so.')).not.toContain('ORGANIZATION:Ana Melliti');
    expect(found('He met the group’s director, Ana Melliti, on Monday.')).not.toContain('ORGANIZATION:Ana Melliti');
    expect(found('The Middle East group met in Paris.')).not.toContain('ORGANIZATION:Middle East');
  });
});

describe('places after "above", "the outskirts of", "the beach at"', () => {
  it('reads such names as places', () => {
    expect(found('The fire burned in the forest above Zorbaqa for a third day.')).toContain('PLACE:Zorbaqa');
    expect(found('The wildfire reached the outskirts of Zorbaqa overnight.')).toContain('PLACE:Zorbaqa');
    expect(found('Boats took 300 people off the beach at Melliti.')).toContain('PLACE:Melliti');
  });

  it('does not read a name after a plain "at" or "a member of" as a place', () => {
    expect(found('Analysts at Zorbaqa expect growth.')).not.toContain('PLACE:Zorbaqa');
    expect(found('She is a member of Melliti, the union.')).not.toContain('PLACE:Melliti');
  });
});

describe('lower-case public services that speak', () => {
  it('reads "a fire service spokesperson said" and "the ambulance service said" as organizations', () => {
    expect(found('A fire service spokesperson said on Wednesday that the front was contained.')).toContain('ORGANIZATION:fire service');
    expect(found('The ambulance service said 12 people were treated.')).toContain('ORGANIZATION:ambulance service');
  });

  it('does not read a service that is only mentioned as an organization', () => {
    expect(found('Residents praised the fire service and went home.')).toEqual([]);
    expect(found('He called for a better health service in the region.')).toEqual([]);
  });
});

describe('persons after more role nouns', () => {
  it('reads a name in apposition after "director" as a person', () => {
    expect(found('"Police fired at people," the group’s director, Nurzat Zorbaqova, said.')).toContain('PERSON:Nurzat Zorbaqova');
  });

  it('does not read "the director of" a capitalized body as a person', () => {
    expect(found('The director of Zorbaqa Melliti spoke.').filter((x) => x.startsWith('PERSON:'))).toEqual([]);
  });
});

describe('a person "of the X movement"', () => {
  it('splits the person from the organization named before "movement" or "party"', () => {
    const f = found('Rosa Zorbaqa Huamán of the Melliti Renace movement led the count.');
    expect(f).toContain('ORGANIZATION:Melliti Renace');
    expect(f).toContain('PERSON:Rosa Zorbaqa Huamán');
  });

  it('does not split an organization named with "of" when no party noun follows', () => {
    expect(found('The Bank of Zorbaqa said rates would rise.')).toContain('ORGANIZATION:Bank of Zorbaqa');
  });
});

