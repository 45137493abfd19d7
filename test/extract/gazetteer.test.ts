import { describe, expect, it } from 'vitest';
import { buildGazetteer, gazetteer } from '../../src/extract/gazetteer';

const countries = [
  { name: { common: 'Freedonia', official: 'Republic of Freedonia', native: {} }, cca2: 'FD', altSpellings: ['FD', 'Freedonian Republic'], latlng: [10, 20], demonyms: { eng: { m: 'Freedonian', f: 'Freedonian' } }, independent: true },
  { name: { common: 'Sylvania', official: 'Kingdom of Sylvania', native: {} }, cca2: 'SY', altSpellings: [], latlng: [1, 2], demonyms: { eng: { m: 'Sylvanian', f: 'Sylvanian' } }, independent: true },
] as unknown as Parameters<typeof buildGazetteer>[0];
const cities = [
  { name: 'Springfield', country: 'FD', population: 500_000, loc: { coordinates: [5, 6] as [number, number] } },
  { name: 'Springfield', country: 'SY', population: 20_000, loc: { coordinates: [7, 8] as [number, number] } },
  { name: 'Saint Marks', country: 'SY', population: 30_000, loc: { coordinates: [9, 9] as [number, number] } },
  { name: 'Tinyville', country: 'FD', population: 900, loc: { coordinates: [0, 0] as [number, number] } },
  { name: 'Capitol, D.C.', country: 'SY', population: 700_000, loc: { coordinates: [3, 4] as [number, number] } },
];

describe('buildGazetteer', () => {
  const gz = buildGazetteer(countries, cities);

  it('finds countries by common, official and longer alternative names', () => {
    expect(gz.lookup('Freedonia')?.kind).toBe('country');
    expect(gz.lookup('Republic of Freedonia')?.country).toBe('FD');
    expect(gz.lookup('Freedonian Republic')?.country).toBe('FD');
  });

  it('does not read two-letter codes as country names', () => {
    expect(gz.lookup('FD')).toBeNull();
  });

  it('picks the most populous city of a name and gives its coordinates', () => {
    const p = gz.lookup('springfield');
    expect(p).toMatchObject({ country: 'FD', latitude: 6, longitude: 5, kind: 'city' });
  });

  it('reads "St." as "Saint" and drops cities below the population threshold', () => {
    expect(gz.lookup('St. Marks')?.name).toBe('Saint Marks');
    expect(gz.lookup('Tinyville')).toBeNull();
  });

  it('also knows a city by the part of its name before a comma', () => {
    expect(gz.lookup('Capitol')?.name).toBe('Capitol, D.C.');
  });

  it('maps demonyms and their plurals to the country, and codes back to demonyms', () => {
    expect(gz.countryByDemonym('Sylvanian')?.country).toBe('SY');
    expect(gz.countryByDemonym('Sylvanians')?.country).toBe('SY');
    expect(gz.countryByDemonym('Martian')).toBeNull();
    expect(gz.demonymOf('FD')).toBe('Freedonian');
  });
});

describe('gazetteer (installed data)', () => {
  it('loads once and resolves real countries, cities and demonyms', () => {
    const gz = gazetteer();
    expect(gazetteer()).toBe(gz);
    expect(gz.lookup('Kyiv')).toMatchObject({ kind: 'city', country: 'UA' });
    expect(gz.lookup('St. Petersburg')).toMatchObject({ country: 'RU' });
    expect(gz.countryByDemonym('Russian')?.name).toBe('Russia');
    expect(gz.countryByDemonym('American')?.country).toBe('US');
  });
});
