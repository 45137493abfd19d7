import { describe, expect, it } from 'vitest';
import { countRange, findClaims, type ClaimContext } from '../../src/extract/claims';

const base: ClaimContext = {
  offset: 0,
  speakerSide: 'RU',
  placesInside: [],
  placeBefore: 'place:springfield',
  countryOf: (w) => ({ Ukraine: 'UA', Ukrainian: 'UA', Russian: 'RU', Russia: 'RU', Ukrainians: 'UA' })[w.replace(/['’]s$/, '')] ?? null,
  times: [],
};

describe('findClaims: control', () => {
  it('reads full control for the speaker’s side', () => {
    expect(findClaims('its forces now fully hold the city', base)).toEqual([{ type: 'control', placeKey: 'place:springfield', holder: 'RU', full: true }]);
    expect(findClaims('claimed control of the port', base)[0]).toMatchObject({ full: true });
    expect(findClaims('they had captured the port', base)[0]).toMatchObject({ full: true });
  });

  it('reads partial control and defence as not full', () => {
    expect(findClaims('some parts are under our control', { ...base, speakerSide: 'UA' })[0]).toMatchObject({ holder: 'UA', full: false });
    expect(findClaims('their troops were continuing to defend the city', { ...base, speakerSide: 'UA' })[0]).toMatchObject({ holder: 'UA', full: false });
  });

  it('takes the holder from "we are still <country>" and from a named acting side', () => {
    expect(findClaims('We are still Ukraine, stand firm', { ...base, speakerSide: null })[0]).toMatchObject({ holder: 'UA', full: false });
    expect(findClaims('Russian troops captured the airport', { ...base, speakerSide: 'UA' })[0]).toMatchObject({ holder: 'RU', full: true });
  });

  it('uses a city named in the claim before the one the text was about', () => {
    const c = findClaims('forces now fully hold Shelbyville', { ...base, placesInside: [{ start: 22, end: 33, key: 'place:shelbyville' }] });
    expect(c[0]).toMatchObject({ placeKey: 'place:shelbyville' });
  });

  it('makes no control claim without a place or without control words', () => {
    expect(findClaims('they captured the moment', { ...base, placeBefore: null })).toEqual([]);
    expect(findClaims('the weather was fine', base)).toEqual([]);
  });
});

describe('findClaims: counts', () => {
  it('reads a tally with qualifier, subject and start date', () => {
    const text = 'at least 136 people, including 13 children, have been killed since Thursday February 24';
    const times = [{ start: 70, end: 90, text: 'Thursday February 24', span: { edtf: '2022-02-24', earliest: '2022-02-24T00:00:00.000Z', latest: '2022-02-24T23:59:59.999Z', text: null } }];
    expect(findClaims(text, { ...base, times })).toEqual([{ type: 'count', subject: 'people-killed', since: '2022-02-24', min: 136, max: null, placeKey: 'place:springfield' }]);
  });

  it('reads verb-first tallies, soldiers by side and displacement', () => {
    expect(findClaims('a day of bombardment that killed at least 21 people', base)[0]).toMatchObject({ subject: 'people-killed', min: 21 });
    expect(findClaims('nearly 6,000 Russian soldiers were killed', base)[0]).toMatchObject({ subject: 'soldiers:RU-killed', min: 5400, max: 6000 });
    expect(findClaims('Over 874,000 Ukrainians have fled', base)[0]).toMatchObject({ subject: 'people-displaced', min: 874001 });
  });

  it('makes no count claim from numbers that are not tallies', () => {
    expect(findClaims('a convoy stretching 40 miles approached', base)).toEqual([]);
  });

  it('turns qualifiers into ranges', () => {
    expect(countRange('more than', 2000)).toEqual({ min: 2001, max: null });
    expect(countRange('about', 100)).toEqual({ min: 85, max: 115 });
    expect(countRange(undefined, 7)).toEqual({ min: 7, max: 7 });
    expect(countRange('up to', 50)).toEqual({ min: null, max: 50 });
  });
});

describe('findClaims: control phrased as liberation, a holder or a divided place', () => {
  it('reads "liberated X completely" and "X remains under the control of" as full control', () => {
    expect(findClaims('its fighters had liberated the town completely', base)[0]).toMatchObject({ full: true });
    expect(findClaims('the town remains under the control of the armed forces', base)[0]).toMatchObject({ full: true });
  });

  it('does not read a fire or a situation "under control" as holding a place', () => {
    expect(findClaims('the fire is under control', base)).toEqual([]);
    expect(findClaims('the situation remains under control', base)).toEqual([]);
  });

  it('takes the holder a claim states over the speaker’s side', () => {
    const cx = { ...base, speakerSide: 'person:spokesman', holderOf: (p: string) => (/armed forces/.test(p) ? 'SD' : null) };
    expect(findClaims('the town remains under the control of the armed forces', cx)[0]).toMatchObject({ holder: 'SD', full: true });
    expect(findClaims('the town remains under the control of the local council', cx)[0]).toMatchObject({ holder: 'person:spokesman' });
  });

  it('keeps "parts of X are under our control" partial', () => {
    expect(findClaims('some parts of the city are under our control', base)[0]).toMatchObject({ full: false });
  });

  it('reads a divided or contested place as held by no side in full', () => {
    expect(findClaims('The town is divided. Nobody controls everything', base)).toEqual([{ type: 'control', placeKey: 'place:springfield', holder: 'contested', full: false }]);
    expect(findClaims('the family is divided over the will', { ...base, placeBefore: null })).toEqual([]);
    expect(findClaims('the council is divided over the plan', base)).toEqual([]);
  });
});

describe('findClaims: tolls and bodies', () => {
  it('reads a number put on the dead and bodies counted as people killed', () => {
    expect(findClaims('the number of dead at 12, all of them fighters', base)[0]).toMatchObject({ subject: 'people-killed', min: 12, max: 12 });
    expect(findClaims('the death toll rose to at least 40', base)[0]).toMatchObject({ subject: 'people-killed', min: 40, max: null });
    expect(findClaims('hospital staff had counted 85 bodies by Wednesday', base)[0]).toMatchObject({ subject: 'people-killed', min: 85 });
  });

  it('ties a tally to the place it is about, but not a tally of a whole war', () => {
    expect(findClaims('at least 63 civilians had been killed', base)[0]).toMatchObject({ placeKey: 'place:springfield' });
    expect(findClaims('the war has killed more than 10,000 people', base)[0]).toMatchObject({ placeKey: null });
  });

  it('makes no toll claim from other numbers', () => {
    expect(findClaims('the number of votes at 12 was a surprise', base)).toEqual([]);
  });
});

describe('findClaims: numbers in words, outcomes and status', () => {
  it('reads a count written in words', () => {
    expect(findClaims('at least nine people were killed', base)[0]).toMatchObject({ type: 'count', subject: 'people-killed', min: 9, max: null });
    expect(findClaims('two people had died and 64 were injured', base)[0]).toMatchObject({ type: 'count', min: 2, max: 2 });
    expect(findClaims('one of the people killed was a student', base)).toEqual([]);
  });

  it('reads a win claimed by the speaker, not a conditional one', () => {
    expect(findClaims('We have won this election, and we will defend every vote', { ...base, speakerKey: 'person:a' })).toEqual([{ type: 'outcome', contest: 'election', placeKey: 'place:springfield', winner: 'person:a' }]);
    expect(findClaims('internal counts showed he had won the runoff', { ...base, speakerKey: 'person:b' })[0]).toMatchObject({ winner: 'person:b' });
    expect(findClaims('if we have won the election we will say so', { ...base, speakerKey: 'person:a' })).toEqual([]);
    expect(findClaims('the team won the match', { ...base, speakerKey: 'person:a' })).toEqual([]);
  });

  it('reads containment and its negation, not a hope', () => {
    expect(findClaims('the main front had been contained', base)).toEqual([{ type: 'status', subject: 'contained', placeKey: 'place:springfield', value: true }]);
    expect(findClaims('Nothing is contained. The fire is at our doors', base)[0]).toMatchObject({ value: false });
    expect(findClaims('the blaze has not been contained', base)[0]).toMatchObject({ value: false });
    expect(findClaims('they hope the fire could be contained by Friday', base)).toEqual([]);
  });
});
