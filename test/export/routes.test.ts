import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/export/csv';
import { TimelineQueryError } from '../../src/export/graphql-source';
import type { TimelineFilter, TimelineSource } from '../../src/export/types';
import { safeAssetPath, registerWeb } from '../../src/server/web';
import { ENTRIES } from './entries';

let app: FastifyInstance;
const asked: TimelineFilter[] = [];
const source: TimelineSource = {
  async fetchTimeline(filter) {
    asked.push(filter);
    if (filter.entityIds?.includes('ent_fail')) throw new TimelineQueryError('no such id', 'BAD_USER_INPUT');
    if (filter.entityIds?.includes('ent_down')) throw new TimelineQueryError('down', 'DATABASE_UNAVAILABLE');
    return ENTRIES;
  },
};

beforeAll(async () => {
  app = Fastify();
  await registerWeb(app, { timeline: source });
  await app.ready();
});
afterAll(() => app.close());

describe('page and assets', () => {
  it('serves the page with a same-origin-only policy', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.body).toContain('data-testid="timeline"');
    // every src/href in the page is a path on this server
    for (const m of res.body.matchAll(/(?:src|href)="([^"]+)"/g)) expect(m[1], m[1]).toMatch(/^\/(?!\/)/);
  });

  it('serves the page files and vis-timeline with content types', async () => {
    const cases: [string, RegExp][] = [
      ['/assets/app.js', /^text\/javascript/],
      ['/assets/edtf.js', /^text\/javascript/],
      ['/assets/style.css', /^text\/css/],
      ['/assets/favicon.svg', /^image\/svg\+xml/],
      ['/assets/vendor/vis-timeline-graph2d.min.js', /^text\/javascript/],
      ['/assets/vendor/vis-timeline-graph2d.min.css', /^text\/css/],
    ];
    for (const [url, type] of cases) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(type);
      expect(res.body.length, url).toBeGreaterThan(100);
    }
    const js = await app.inject('/assets/vendor/vis-timeline-graph2d.min.js');
    const again = await app.inject({ url: '/assets/vendor/vis-timeline-graph2d.min.js', headers: { 'if-none-match': js.headers.etag as string } });
    expect(again.statusCode).toBe(304);
  });

  it('refuses path traversal and unknown files', async () => {
    for (const url of [
      '/assets/../package.json',
      '/assets/%2e%2e/package.json',
      '/assets/..%2fpackage.json',
      '/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/assets/vendor/../../package.json',
      '/assets/vendor/package.json',
      '/assets/nope.js',
      '/assets/.hidden',
      '/assets/index.html',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('"dependencies"');
    }
    expect(safeAssetPath('/srv/web', '../x')).toBeNull();
    expect(safeAssetPath('/srv/web', 'a/../../x')).toBeNull();
    expect(safeAssetPath('/srv/web', 'a\\..\\x')).toBeNull();
    expect(safeAssetPath('/srv/web', '/etc/passwd')).toBeNull();
    expect(safeAssetPath('/srv/web', 'lib/x.js')).toBe('/srv/web/lib/x.js');
  });
});

describe('export routes', () => {
  it('pass the filter through and answer each format', async () => {
    asked.length = 0;
    const q = '?entity=ent_1&entity=ent_2&document=doc_1&from=2031-05&to=2031-05-31';
    const tl = await app.inject(`/export/timelinejs${q}`);
    expect(tl.statusCode).toBe(200);
    expect(tl.headers['content-type']).toMatch(/^application\/json/);
    expect(tl.json().events.map((e: { unique_id: string }) => e.unique_id)).toEqual(ENTRIES.map((e) => e.item.id));
    expect(asked[0]).toEqual({ entityIds: ['ent_1', 'ent_2'], documentIds: ['doc_1'], from: '2031-05-01T00:00:00.000Z', to: '2031-05-31T23:59:59.999Z' });

    const csv = await app.inject(`/export/csv${q}`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(parseCsv(csv.body).slice(1).map((r) => r[0])).toEqual(ENTRIES.map((e) => e.item.id));

    const ld = await app.inject(`/export/jsonld${q}`);
    expect(ld.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(ld.json()['@context']).toBeTypeOf('object');
  });

  it('answer 400 BAD_USER_INPUT for bad values', async () => {
    for (const q of ['?from=tomorrow', '?to=2022-02-30', '?from=2022-03-02&to=2022-03-01', '?entity=a%20b', '?color=red', '?entity=ent_fail']) {
      const res = await app.inject(`/export/csv${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json(), q).toMatchObject({ code: 'BAD_USER_INPUT', error: expect.any(String) });
    }
    const down = await app.inject('/export/csv?entity=ent_down');
    expect(down.statusCode).toBe(503);
    expect((await app.inject('/export/xml')).statusCode).toBe(404);
  });
});
