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
    expect(findClaims(text, { ...base, times })).toEqual([{ type: 'count', subject: 'people-killed', since: '2022-02-24', min: 136, max: null }]);
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
