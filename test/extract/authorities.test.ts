import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authorityIndex, loadAuthorities } from '../../src/extract/authorities';

describe('loadAuthorities', () => {
  it('reads a list of entries under "authorities"', () => {
    const recs = loadAuthorities(`authorities:\n  - name: United Nations\n    kind: ORGANIZATION\n    aliases: [UN, U.N.]\n    wikidata: Q1065\n`);
    expect(recs).toEqual([{ name: 'United Nations', kind: 'ORGANIZATION', aliases: ['UN', 'U.N.'], wikidata: 'Q1065', latitude: null, longitude: null, country: null }]);
  });

  it('also reads a bare list and an empty file', () => {
    expect(loadAuthorities('- name: Atlantis\n  kind: PLACE\n  latitude: 1\n  longitude: 2\n')[0]).toMatchObject({ name: 'Atlantis', latitude: 1 });
    expect(loadAuthorities('')).toEqual([]);
  });

  it('reports every bad entry by position and name', () => {
    const yaml = `- name: Good\n  kind: PERSON\n- name: Bad kind\n  kind: CITY\n- name: Bad id\n  kind: PLACE\n  wikidata: 1065\n- kind: PERSON\n`;
    expect(() => loadAuthorities(yaml)).toThrowError(/entry 2 \("Bad kind"\): kind must be PERSON, ORGANIZATION or PLACE\n\s+entry 3 \("Bad id"\): wikidata must be a Wikidata id like Q123\n\s+entry 4: name is required/);
  });

  it('rejects unknown fields, duplicates, out-of-range coordinates and invalid YAML', () => {
    expect(() => loadAuthorities('- name: X\n  kind: PLACE\n  color: red\n')).toThrow(/entry 1 \("X"\): unknown field\(s\) color/);
    expect(() => loadAuthorities('- name: X\n  kind: PLACE\n- name: X\n  kind: PLACE\n')).toThrow(/duplicates entry 1/);
    expect(() => loadAuthorities('- name: X\n  kind: PLACE\n  latitude: 100\n')).toThrow(/latitude/);
    expect(() => loadAuthorities('a: [unclosed')).toThrow(/not valid YAML/);
  });

  it('loads the curated seeds/authorities.yaml', () => {
    const recs = loadAuthorities(readFileSync(new URL('../../seeds/authorities.yaml', import.meta.url), 'utf8'));
    expect(recs.length).toBeGreaterThan(10);
    expect(recs.find((r) => r.name === 'United States')?.aliases).toContain('U.S.');
  });
});

describe('authorityIndex', () => {
  const idx = authorityIndex(loadAuthorities('- name: United States\n  kind: PLACE\n  aliases: [US, U.S.]\n- name: Kremlin\n  kind: ORGANIZATION\n'));

  it('matches short and capital aliases case-sensitively', () => {
    expect(idx.find('US')?.name).toBe('United States');
    expect(idx.find('us')).toBeNull();
  });

  it('matches longer forms in any case', () => {
    expect(idx.find('united states')?.name).toBe('United States');
    expect(idx.find('KREMLIN')?.name).toBe('Kremlin');
    expect(idx.find('Atlantis')).toBeNull();
  });
});
