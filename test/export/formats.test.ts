import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, parseCsv, toCsv } from '../../src/export/csv';
import { describeEdtf, isInexact, readEdtf } from '../../src/export/edtf';
import { JSONLD_CONTEXT, toJsonLd } from '../../src/export/jsonld';
import { toTimelineJs } from '../../src/export/timelinejs';
import { renderExport } from '../../src/export';
import { ENTRIES } from './entries';

const PROV = 'http://www.w3.org/ns/prov#';
const SCHEMA = 'https://schema.org/';

describe('EDTF reading', () => {
  it('tells precision, qualifiers and intervals', () => {
    expect(readEdtf('2022-03-02')).toMatchObject({ interval: false, uncertain: false, approximate: false, imprecise: false });
    expect(readEdtf('2022-03')).toMatchObject({ imprecise: true });
    expect(readEdtf('2022-03-02?')).toMatchObject({ uncertain: true, approximate: false });
    expect(readEdtf('2022-03-02~')).toMatchObject({ uncertain: false, approximate: true });
    expect(readEdtf('2022-03-02%')).toMatchObject({ uncertain: true, approximate: true });
    expect(readEdtf('2022-02-28/2022-03-02')).toMatchObject({ interval: true, imprecise: true });
    expect(describeEdtf('2022-03-02')).toBe('2 March 2022');
    expect(describeEdtf('2022-03')).toBe('March 2022');
    expect(describeEdtf('2022-03-02~')).toBe('about 2 March 2022');
    expect(describeEdtf('2022-02-28/2022-03-02')).toBe('between 28 February 2022 and 2 March 2022');
    expect(describeEdtf('../2022-03-02')).toBe('until 2 March 2022');
    expect(isInexact({ edtf: '2022-03-02', earliest: '2022-03-02T00:00:00Z', latest: '2022-03-02T23:59:59.999Z', text: null })).toBe(false);
    expect(isInexact({ edtf: '2022-03-02?', earliest: '2022-03-02T00:00:00Z', latest: '2022-03-02T23:59:59.999Z', text: null })).toBe(true);
  });
});

describe('TimelineJS3 JSON', () => {
  const doc = toTimelineJs(ENTRIES);

  it('has one slide per item with the item id as unique_id, in order', () => {
    expect(doc.events.map((e) => e.unique_id)).toEqual(ENTRIES.map((e) => e.item.id));
    expect(doc.title.text.headline).toBeTruthy();
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('gives dates as year, month, day parts; a span gets an end_date', () => {
    const [storm, quote, reported, talks] = doc.events;
    expect(quote.start_date).toEqual({ year: '2031', month: '5', day: '6' });
    expect(quote.end_date).toBeUndefined();
    expect(quote.display_date).toBeUndefined();
    expect(storm.start_date).toEqual({ year: '2031', month: '5', day: '1' });
    expect(storm.end_date).toEqual({ year: '2031', month: '5', day: '31' });
    expect(storm.display_date).toMatch(/May 2031.*EDTF 2031-05/);
    expect(reported.display_date).toMatch(/uncertain/);
    expect(talks.start_date).toEqual({ year: '2031', month: '5', day: '8' });
    expect(talks.end_date).toEqual({ year: '2031', month: '5', day: '10' });
    for (const e of doc.events) for (const d of [e.start_date, e.end_date].filter(Boolean)) for (const v of Object.values(d!)) expect(typeof v).toBe('string');
  });

  it('has headline and text, HTML-escaped, and a group', () => {
    const [storm, quote, reported, talks] = doc.events;
    expect(quote.text.headline).toContain('Mira Okafor');
    expect(quote.text.text).toContain('Radio Lenna');
    expect(quote.text.text).toContain('&lt;b&gt;rebuild&lt;/b&gt;');
    expect(quote.text.text).not.toContain('<b>rebuild');
    expect(quote.text.text).toContain('href="https://example.org/a?x=1&amp;y=2"');
    expect(quote.group).toBe('Mira Okafor');
    expect(reported.group).toBe('rebel commanders');
    expect(storm.group).toBe('Event: disaster');
    expect(talks.text.text).toContain('Coastal Defense Agency');
  });
});

describe('CSV', () => {
  const csv = toCsv(ENTRIES);
  const rows = parseCsv(csv);

  it('has the columns, a header and one row per item, CRLF line ends', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    for (const c of ['edtf', 'earliest', 'latest', 'kind', 'text', 'speaker', 'channel', 'place', 'documents', 'evidence_excerpt']) expect(rows[0]).toContain(c);
    expect(rows).toHaveLength(ENTRIES.length + 1);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });

  it('quotes fields with quotes, commas and newlines (RFC 4180) and round-trips them', () => {
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    const quote = rows[2];
    expect(quote[col('id')]).toBe('stm_00000000000000000001');
    expect(quote[col('text')]).toBe(ENTRIES[1].item.__typename === 'Statement' ? ENTRIES[1].item.text : '');
    expect(quote[col('kind')]).toBe('QUOTE');
    expect(quote[col('speaker')]).toBe('Mira Okafor');
    expect(quote[col('channel')]).toBe('Radio Lenna');
    expect(quote[col('place')]).toBe('Port Lenna');
    expect(quote[col('documents')]).toBe('Bridge destroyed, "again", in Port Lenna; Governor vows to rebuild');
    expect(quote[col('evidence_excerpt')]).toContain('"stone by stone",\nwithin a year');
    expect(csv).toContain('"We will rebuild it, ""stone by stone"",\nwithin a year"');
    expect(rows[1][col('edtf')]).toBe('2031-05');
    expect(rows[1][col('kind')]).toBe('disaster');
    expect(rows[4][col('participants')]).toBe('Coastal Defense Agency; Rebels, Inc.');
    // a field without special characters is not quoted
    expect(csv).toContain(',2031-05-06T00:00:00.000Z,');
  });

  it('writes only a header for an empty timeline', () => {
    expect(toCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('JSON-LD', () => {
  const doc = toJsonLd(ENTRIES);
  const noRemote = async (url: string) => {
    throw new Error(`remote document requested: ${url}`);
  };

  it('uses an inline context with schema.org and PROV-O', () => {
    expect(typeof doc['@context']).toBe('object');
    expect(doc['@context']).toEqual(JSONLD_CONTEXT);
    expect(JSON.stringify(doc['@context'])).not.toMatch(/"@import"/);
  });

  it('expands without error and without fetching anything', async () => {
    const expanded = (await jsonld.expand(JSON.parse(JSON.stringify(doc)), { documentLoader: noRemote as never })) as Record<string, unknown>[];
    const byId = new Map(expanded.filter((n) => n['@id']).map((n) => [n['@id'] as string, n]));
    const items = ENTRIES.map((e) => byId.get(`urn:annals:node:${e.item.id}`));
    expect(items.every(Boolean)).toBe(true);

    const quote = items[1] as Record<string, any>;
    expect(quote['@type']).toEqual([`${SCHEMA}Quotation`, `${PROV}Entity`]);
    expect(quote[`${PROV}wasAttributedTo`]).toEqual([{ '@id': 'urn:annals:node:ent_00000000000000000001' }]);
    expect(quote[`${PROV}wasDerivedFrom`].map((d: { '@id': string }) => d['@id'])).toEqual([
      'urn:annals:node:doc_aaaaaaaaaaaaaaaaaaaaaaaa',
      'urn:annals:node:doc_bbbbbbbbbbbbbbbbbbbbbbbb',
    ]);
    expect(quote[`${PROV}qualifiedDerivation`]).toHaveLength(2);
    expect(quote[`${SCHEMA}text`][0]['@value']).toContain('stone by stone');

    const reported = items[2] as Record<string, any>;
    expect(reported['@type']).toContain(`${SCHEMA}Claim`);
    expect(reported[`${PROV}wasAttributedTo`]).toBeUndefined();

    const storm = items[0] as Record<string, any>;
    expect(storm['@type']).toContain(`${SCHEMA}Event`);
    expect(storm[`${SCHEMA}startDate`][0]).toEqual({ '@value': '2031-05-01T00:00:00.000Z', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' });
    expect(storm[`${PROV}wasDerivedFrom`]).toEqual([{ '@id': 'urn:annals:node:doc_aaaaaaaaaaaaaaaaaaaaaaaa' }]);

    const speaker = byId.get('urn:annals:node:ent_00000000000000000001') as Record<string, any>;
    expect(speaker['@type']).toEqual([`${SCHEMA}Person`, `${PROV}Agent`]);
    const document = byId.get('urn:annals:node:doc_aaaaaaaaaaaaaaaaaaaaaaaa') as Record<string, any>;
    expect(document[`${SCHEMA}name`][0]['@value']).toBe('Bridge destroyed, "again", in Port Lenna');
  });

  it('keeps timeline order in an ItemList, and converts to RDF', async () => {
    const list = doc['@graph'][0] as Record<string, any>;
    expect(list['@type']).toBe('schema:ItemList');
    expect(list['schema:itemListElement'].map((li: any) => li['schema:item']['@id'])).toEqual(ENTRIES.map((e) => `node:${e.item.id}`));
    const nquads = (await jsonld.toRDF(JSON.parse(JSON.stringify(doc)), { format: 'application/n-quads', documentLoader: noRemote as never })) as unknown as string;
    expect(nquads).toContain('<http://www.w3.org/ns/prov#wasDerivedFrom>');
  });
});

describe('renderExport', () => {
  it('names content types and parses back', () => {
    expect(renderExport('csv', ENTRIES).contentType).toMatch(/^text\/csv/);
    expect(JSON.parse(renderExport('timelinejs', ENTRIES).body).events).toHaveLength(ENTRIES.length);
    expect(JSON.parse(renderExport('jsonld', ENTRIES).body)['@graph'].length).toBeGreaterThan(ENTRIES.length);
    expect(renderExport('jsonld', ENTRIES).contentType).toMatch(/^application\/ld\+json/);
  });
});

describe("the page's EDTF reading (web/edtf.js)", () => {
  it('agrees with src/export/edtf.ts', async () => {
    const web: { describeEdtf(s: string): string; isInexact(s: unknown): boolean } = await import(/* @vite-ignore */ new URL('../../web/edtf.js', import.meta.url).href);
    for (const edtf of ['2022-03-02', '2022-03', '2022', '2022-03-02?', '2022-03-02~', '2022-03-02%', '2022-02-28/2022-03-02', '../2022-03-02', '2022-03-02T10:00:00Z', '2022-21', 'garbage']) {
      expect(web.describeEdtf(edtf), edtf).toBe(describeEdtf(edtf));
      const span = { edtf, earliest: '2022-03-02T00:00:00.000Z', latest: '2022-03-02T23:59:59.999Z', text: null };
      expect(web.isInexact(span), edtf).toBe(isInexact(span));
    }
  });
});
