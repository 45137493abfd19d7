import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventKey, typeEvents } from '../../src/extract/events.js';
import { EVENT_TYPES } from '../../src/extract/taxonomy.js';
import { findTimes } from '../../src/extract/time.js';
import { sentences } from './sentences.js';
import type { EntityKind, EntityRecord, EventRecord, ExtractContext, Sentence } from '../../src/extract/types.js';

/** Publication Wednesday 2 March 2022. */
const ctx: ExtractContext = { published: '2022-03-02', authorities: [] };


/** Entities for the test texts: every occurrence of each name. */
function entities(text: string, names: [string, EntityKind][]): EntityRecord[] {
  return names
    .map(([name, kind]) => ({
      key: `${kind.toLowerCase()}:${name.toLowerCase().replace(/\W+/g, '-')}`,
      kind,
      name,
      aliases: [],
      mentions: [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({
        start: m.index ?? 0,
        end: (m.index ?? 0) + name.length,
        text: name,
      })),
    }))
    .filter((e) => e.mentions.length);
}

function events(text: string, names: [string, EntityKind][] = [], c: ExtractContext = ctx): EventRecord[] {
  const s = sentences(text);
  return typeEvents(text, s, findTimes(text, s, c), entities(text, names), c);
}

function summary(list: EventRecord[]): [string, string | null][] {
  return list.map((e) => [e.type, e.when?.edtf ?? null]);
}

describe('typeEvents: types and dates', () => {
  it('dates "Monday’s first round of talks" to that Monday', () => {
    expect(summary(events('Monday’s first round of talks lasted five hours and ended without a breakthrough.'))).toEqual([
      ['negotiation', '2022-02-28'],
    ]);
  });

  it('dates each clause of a sentence reporting two strikes on two days', () => {
    const text =
      'A strike hit an apartment complex near a hospital on Tuesday, while the police department and the university were hit on Wednesday morning.';
    expect(summary(events(text))).toEqual([
      ['attack', '2022-03-01'],
      ['attack', '2022-03-02'],
    ]);
  });

  it('types nature striking as a disaster, not an attack, while missiles striking stay an attack', () => {
    expect(summary(events('The earthquake struck at 4:17 a.m. local time on Monday.'))).toEqual([['disaster', '2022-02-28']]);
    expect(events('Missiles struck the port on Monday.').map((e) => e.type)).toEqual(['attack']);
  });

  it('does not make an event of a few quoted words, but still of a whole quoted report', () => {
    expect(events('The opposition leader called the bill "an assault on the poor" on Monday.').map((e) => e.type)).not.toContain('attack');
    expect(events('"Missiles struck the port on Monday and destroyed two warehouses near the gate," the governor said.').map((e) => e.type)).toContain('attack');
  });

  it('merges several triggers of one type in one sentence into one event', () => {
    const list = events('Russian forces fired rockets near a TV tower in the capital on Tuesday, hours after warning of strikes.');
    expect(summary(list)).toEqual([['attack', '2022-03-01']]);
  });

  it('dates a capture reported with "said Wednesday" to that Wednesday', () => {
    const text =
      'The defense ministry said Wednesday they had captured the strategically located port, making it the first major city to fall under their control.';
    expect(summary(events(text))).toEqual([['capture', '2022-03-02']]);
  });

  it('prefers the date of the happening over the date of the report', () => {
    const text = 'The emergency service said Wednesday that more than 2,000 civilians have been killed since the army invaded on Feb. 24.';
    expect(summary(events(text))).toEqual([
      ['casualty', '2022-02-24'],
      ['invasion', '2022-02-24'],
    ]);
  });

  it('dates an annexation "in 2014" to the year, in its relative clause only', () => {
    const text = 'The army hopes to take the port to link Crimea, which Russia illegally annexed in 2014 from Ukraine, with the south.';
    expect(summary(events(text))).toEqual([['annexation', '2014']]);
  });

  it('dates a claim of control to the weekday of its clause', () => {
    const text = 'Russia claimed control of the port city of Kherson on Wednesday, though the mayor posted on Facebook: "We are still here."';
    const [e] = events(text, [['Kherson', 'PLACE'], ['Russia', 'PLACE']]);
    expect(e.type).toBe('capture');
    expect(e.when?.edtf).toBe('2022-03-02');
    expect(e.placeKeys).toEqual(['place:kherson', 'place:russia']);
  });

  it('reads a company exit as a withdrawal, not the company name as shelling', () => {
    const text = 'Investors are desperate, and Shell on Tuesday became the latest oil major to announce an exit.';
    const list = events(text, [['Shell', 'ORGANIZATION']]);
    expect(summary(list)).toContainEqual(['withdrawal', '2022-03-01']);
    expect(list.map((e) => e.type)).not.toContain('attack');
    expect(list[0].participantKeys).toEqual(['organization:shell']);
  });

  it('leaves an undated past-tense report undated rather than inventing the publication day', () => {
    expect(summary(events('Russian artillery and missile strikes also hit Kharkiv.'))).toEqual([['attack', null]]);
    expect(summary(events('Over 874,000 Ukrainians have fled to neighboring countries.'))).toEqual([['displacement', null]]);
  });

  it('dates a report by its trailing attribution when the clause itself has no date', () => {
    expect(summary(events('Over 874,000 Ukrainians have fled to neighboring countries, the U.N. estimated Tuesday.'))).toEqual([
      ['displacement', '2022-03-01'],
    ]);
  });

  it('does not let a noun that names a known event take the date of an unrelated clause', () => {
    const text = 'Also on Wednesday, the U.S. accused Russia of blocking news of the invasion.';
    expect(summary(events(text))).toEqual([['invasion', null]]);
  });

  it('recognizes speeches, protests, sanctions, evacuations, arrests and elections', () => {
    const text = [
      'The president used his annual State of the Union address to rally support.',
      'Thousands joined protests in the capital.',
      'The EU imposed new sanctions on the bank.',
      'Officials evacuated 300 residents.',
      'Police arrested 40 demonstrators.',
      'Voters go to the polls in a snap election.',
    ].join(' ');
    expect(events(text).map((e) => e.type)).toEqual(['speech', 'protest', 'sanction', 'evacuation', 'arrest', 'election']);
  });
});

describe('typeEvents: what is not an event', () => {
  it('skips hypotheticals and intentions', () => {
    expect(events('The West would use sanctions and economic measures.')).toEqual([]);
    expect(events('The authorities have vowed to arrest anyone who joins.')).toEqual([]);
    expect(events('The navalny team called for protests on weekends.')).toEqual([]);
  });

  it('skips denied events', () => {
    expect(events('The army has not attacked the city.')).toEqual([]);
    expect(events('Officials said there were no arrests.')).toEqual([]);
  });

  it('skips verbs used as adjectives and nouns that only look like triggers', () => {
    expect(events('The jailed opposition leader wrote a letter.')).toEqual([]);
    expect(events('The army wants a land corridor to the peninsula.')).toEqual([]);
    expect(events('Send it to my email address.')).toEqual([]);
    expect(events('Workers began a hunger strike.').map((e) => e.type)).toEqual(['protest']);
  });

  it('does not count a common verb without a weapon or force as its agent', () => {
    expect(events('They hit the ground running.')).toEqual([]);
    expect(events('The two sides struck a deal.')).toEqual([]);
    expect(summary(events('The university was hit on Wednesday morning.'))).toEqual([['attack', '2022-03-02']]);
  });

  it('skips a trigger word that is part of a name', () => {
    expect(events('Shell reported higher profits.', [['Shell', 'ORGANIZATION']])).toEqual([]);
    expect(events('Analysts at Deutsche Bank expect growth. Investors like Shell.')).toEqual([]);
  });

  it('skips a short heading that only announces the next sentence', () => {
    expect(summary(events('Talks continue:\nA second round of talks is expected to take place today.'))).toEqual([
      ['negotiation', '2022-03-02'],
    ]);
  });
});

describe('typeEvents: records', () => {
  const text =
    'Kyiv Mayor Vitali Klitschko said Wednesday that there was fighting on the outskirts of Kyiv. Residents are preparing for a siege.';
  const list = events(text, [['Kyiv', 'PLACE'], ['Vitali Klitschko', 'PERSON']]);

  it('takes places and participants from the entities of the sentence, and the sentence as evidence', () => {
    expect(list).toHaveLength(1);
    const [e] = list;
    expect(e.type).toBe('attack');
    expect(e.placeKeys).toEqual(['place:kyiv']);
    expect(e.participantKeys).toEqual(['person:vitali-klitschko']);
    expect(text.slice(e.evidence.start, e.evidence.end)).toBe(
      'Kyiv Mayor Vitali Klitschko said Wednesday that there was fighting on the outskirts of Kyiv.',
    );
  });

  it('labels an event with its clause, trimmed to about a hundred characters', () => {
    const long = events(
      'The rocket attack destroyed the broadcasting equipment and the transmitters and the studios that served the whole of the region and its neighbouring provinces for decades.',
    );
    expect(long[0].label.length).toBeLessThanOrEqual(101);
    expect(long[0].label.endsWith('…')).toBe(true);
    expect(list[0].label).toBe('Kyiv Mayor Vitali Klitschko said Wednesday that there was fighting on the outskirts of Kyiv');
  });

  it('restores a subject cut off by an appositive in the label', () => {
    const [e] = events('Mariupol, a port city of around 500,000, is encircled by Russian troops.');
    expect(e.type).toBe('siege');
    expect(e.label).toBe('Mariupol is encircled by Russian troops');
  });

  it('gives the same key to the same dated, placed event reported in two documents', () => {
    const a = events('A strike on the TV tower in Kyiv on Tuesday killed five civilians.', [['Kyiv', 'PLACE']]);
    const b = events('Russian forces fired rockets near a TV tower in Kyiv on Tuesday.', [['Kyiv', 'PLACE']]);
    expect(a.find((e) => e.type === 'attack')?.key).toBe(b[0].key);
  });

  it('gives different keys to undated events with different labels', () => {
    expect(eventKey('displacement', null, [], 'Families fled the city')).not.toBe(
      eventKey('displacement', null, [], 'Refugees crossed the border'),
    );
    expect(eventKey('displacement', null, [], 'Families fled the city')).toBe(
      eventKey('displacement', null, [], 'families  fled the city.'),
    );
  });
});

describe('typeEvents: news verbs beyond conflict', () => {
  it('types court, disaster, closure, meeting, decision and launch reports', () => {
    const text = [
      'A former manager was sentenced on Tuesday to six years in prison.',
      'The storm made landfall near the port on Monday.',
      'The bridge was shut to traffic on Monday.',
      'The council approved the plan on Monday.',
      'The film had its premiere in the city on Tuesday.',
      'The mayor spoke at a cabinet meeting on Tuesday.',
    ].join(' ');
    expect(summary(events(text))).toEqual([
      ['legal', '2022-03-01'],
      ['disaster', '2022-02-28'],
      ['closure', '2022-02-28'],
      ['decision', '2022-02-28'],
      ['launch', '2022-03-01'],
      ['meeting', '2022-03-01'],
    ]);
  });

  it('types pleas and walkouts', () => {
    expect(summary(events('He pleaded guilty in August to 14 counts of fraud.'))).toEqual([['legal', '2021-08']]);
    expect(summary(events('Dock workers staged a walkout on Tuesday.'))).toEqual([['protest', '2022-03-01']]);
  });

  it('does not read market closes, serving a sentence or a ruling party as events', () => {
    expect(events('Shares closed higher on Tuesday in London.').map((e) => e.type)).not.toContain('closure');
    expect(events('He should serve his sentence in the community.')).toEqual([]);
    expect(events('The ruling party chose a new leader.').map((e) => e.type)).not.toContain('legal');
  });
});

describe('typeEvents: dated clauses without a trigger', () => {
  it('puts a clause that dates what it reports on the timeline as an occurrence', () => {
    expect(summary(events('It had last been fully inspected in 2019.'))).toEqual([['occurrence', '2019']]);
    expect(summary(events('Satellite images taken on Tuesday showed fires in the market.'))).toEqual([['occurrence', '2022-03-01']]);
  });

  it('gives each date of a sentence not used by a typed event its own occurrence', () => {
    const text = 'The zone was first closed to cars in 2007, and it was extended in 2015.';
    expect(summary(events(text))).toEqual([
      ['closure', '2007'],
      ['occurrence', '2015'],
    ]);
  });

  it('dates a speech act reported inside another report, not the report itself', () => {
    const nested = events('The prosecutor told the court that a colleague had warned him in 2018 that the plan was improper.');
    expect(summary(nested)).toEqual([['occurrence', '2018']]);
    expect(events('The ministry said on Tuesday that it was ready.')).toEqual([]);
  });

  it('leaves out a date with no verb in its clause and hypothetical clauses', () => {
    expect(events('Also on Wednesday, the U.S. accused Russia of lying.')).toEqual([]);
    expect(events('Officials hope to finish the repairs by Friday.')).toEqual([]);
  });

  it('keeps the label in the key of an occurrence, so two unrelated ones never merge', () => {
    const when = findTimes('in 2019', [], ctx)[0].span;
    expect(eventKey('occurrence', when, ['place:x'], 'The bridge was inspected')).not.toBe(
      eventKey('occurrence', when, ['place:x'], 'The mayor was elected'),
    );
  });
});

describe('taxonomy', () => {
  it('describes every type and gives it triggers', () => {
    for (const t of EVENT_TYPES) {
      expect(t.description.length).toBeGreaterThan(20);
      expect(t.verbs.length + t.nouns.length + t.phrases.length).toBeGreaterThan(0);
    }
    expect(new Set(EVENT_TYPES.map((t) => t.type)).size).toBe(EVENT_TYPES.length);
  });

  it('is documented type by type in docs/event-taxonomy.md', () => {
    const doc = readFileSync(new URL('../../docs/event-taxonomy.md', import.meta.url), 'utf8');
    for (const t of EVENT_TYPES) expect(doc).toContain(`\`${t.type}\``);
  });
});

describe('performance', () => {
  it('types the events of a 3 KB article in a few milliseconds once warm', () => {
    const para =
      'Russian forces fired rockets near a TV tower on Tuesday, hours after warning of strikes. ' +
      'The UN said at least 136 people have been killed since Thursday February 24. ' +
      'A second round of talks is expected today, and Monday’s first round lasted five hours. ';
    const text = Array.from({ length: 12 }, () => para).join('\n\n');
    const s = sentences(text);
    const t = findTimes(text, s, ctx);
    for (let i = 0; i < 20; i++) typeEvents(text, s, t, [], ctx);
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) typeEvents(text, s, t, [], ctx);
    expect((performance.now() - t0) / 20).toBeLessThan(15);
  });
});

describe('typeEvents: strikes by workers and nouns after prepositions', () => {
  it('reads a strike with a duration or a labour word before it as a protest', () => {
    expect(summary(events('Dockworkers began a 48-hour strike on Tuesday over automation.'))).toEqual([['protest', '2022-03-01']]);
    expect(summary(events('A rail strike halted trains on Tuesday.'))).toEqual([['protest', '2022-03-01']]);
  });

  it('still reads a missile strike as an attack', () => {
    expect(summary(events('A missile strike hit the depot on Tuesday.'))).toEqual([['attack', '2022-03-01']]);
  });

  it('does not read a verb trigger right after a preposition as a verb', () => {
    expect(events('People spent the night in storm shelters.').map((e) => e.type)).not.toContain('attack');
    expect(events('Troops stormed the building.').map((e) => e.type)).toContain('attack');
  });
});

describe('typeEvents: datelines', () => {
  it('does not date the events of a sentence by its dateline', () => {
    const text = 'KYIV, March 1 (Reuters) - Russian forces shelled the city, officials said.';
    const c = { published: '2022-03-01', authorities: [] };
    expect(summary(events(text, [], c))).toEqual([['attack', null]]);
  });
});

describe('typeEvents: elections named by a race or a round', () => {
  it('dates "lost the 2018 race" to 2018 and "the first round on Feb. 6" to that day', () => {
    expect(summary(events('The governor, who lost the 2018 race by a wide margin, spoke.'))).toContainEqual(['election', '2018']);
    expect(summary(events('Turnout was higher than in the first round on Feb. 6.'))).toContainEqual(['election', '2022-02-06']);
  });

  it('does not make a first round of talks or a lost race of another kind an election', () => {
    expect(summary(events('The first round of talks on Monday ended without a deal.')).map((e) => e[0])).not.toContain('election');
    expect(summary(events('They lost their way in the fog.')).map((e) => e[0])).not.toContain('election');
  });
});
