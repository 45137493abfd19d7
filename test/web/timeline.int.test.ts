/**
 * The timeline page in a real browser (Debian's Chromium driven by playwright-core) and the
 * exports, against an in-process server whose archive holds the seed corpus. Every check compares
 * with what the GraphQL API answers for the same filter.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config';
import { parseCsv } from '../../src/export/csv';
import { runScript } from '../helpers/cli';
import { startSeededServer, type SeededServer } from '../helpers/server';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
const OUTPUT = join(PROJECT_ROOT, 'test-output');

interface ApiItem {
  __typename: 'Statement' | 'Event';
  id: string;
  speaker?: { id: string } | null;
  evidence: { start: number; end: number; excerpt: string; document: { id: string } }[];
}

let server: SeededServer;
let browser: Browser;
const requests: string[] = [];
const pageErrors: string[] = [];

async function api<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

const TIMELINE_Q = `query($f: TimelineFilter, $a: String) {
  timeline(filter: $f, first: 500, after: $a) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { item {
      __typename
      ... on Statement { id speaker { id } evidence { start end excerpt document { id } } }
      ... on Event { id evidence { start end excerpt document { id } } }
    } } }
  }
}`;

/** The API's timeline(filter), every page. */
async function apiTimeline(filter: Record<string, unknown> | null = null): Promise<ApiItem[]> {
  const items: ApiItem[] = [];
  let after: string | null = null;
  for (;;) {
    const d: any = await api(TIMELINE_Q, { f: filter, a: after });
    items.push(...d.timeline.edges.map((e: { node: { item: ApiItem } }) => e.node.item));
    if (!d.timeline.pageInfo.hasNextPage) return items;
    after = d.timeline.pageInfo.endCursor;
  }
}

async function openPage(path = '/'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}${path}`);
  await settled(page);
  return page;
}

const settled = (page: Page) => page.waitForSelector('[data-testid="app"]:not([data-state="loading"])', { timeout: 30_000 });
const state = (page: Page) => page.getAttribute('[data-testid="app"]', 'data-state');
const shownCount = async (page: Page) => Number(await page.getAttribute('[data-testid="status"]', 'data-count'));
const renderedIds = (page: Page) =>
  page.$$eval('[data-testid="timeline-item"]', (nodes) => [...new Set(nodes.map((n) => (n as HTMLElement).dataset.itemId as string))].sort());

/** An item element that is on screen inside the timeline, so a click lands on it. */
async function visibleItem(page: Page, type: 'Statement' | 'Event' | null = null): Promise<{ uid: string; itemId: string }> {
  const found = await page.evaluate((type) => {
    const box = document.querySelector('[data-testid="timeline"] .vis-center')?.getBoundingClientRect() ?? document.querySelector('[data-testid="timeline"]')!.getBoundingClientRect();
    for (const n of Array.from(document.querySelectorAll<HTMLElement>('[data-testid="timeline-item"]'))) {
      if (type && n.dataset.itemType !== type) continue;
      const r = n.getBoundingClientRect();
      if (r.width > 20 && r.top >= box.top && r.bottom <= box.bottom && r.left >= box.left && r.left + 10 <= box.right) return { uid: n.dataset.uid!, itemId: n.dataset.itemId! };
    }
    return null;
  }, type);
  if (!found) throw new Error(`no ${type ?? ''} item on screen`);
  return found;
}

const itemLocator = (page: Page, uid: string) => page.locator(`[data-testid="timeline-item"][data-uid="${uid}"]`);

beforeAll(async () => {
  server = await startSeededServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the timeline page', () => {
  it('shows the seed corpus events and statements', async () => {
    const all = await apiTimeline();
    expect(all.length).toBeGreaterThan(0);
    const page = await openPage('/');
    expect(await state(page)).toBe('ready');
    expect(await shownCount(page)).toBe(all.length);
    await page.click('[data-testid="fit"]');
    await expect.poll(() => renderedIds(page)).toEqual(all.map((i) => i.id).sort());
    expect(await page.locator('[data-testid="timeline-item"][data-item-type="Statement"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="timeline-item"][data-item-type="Event"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('narrows to a document, and to an entity found by an alias; the URL reopens the view', async () => {
    const all = await apiTimeline();
    const docs: { id: string }[] = (await api('{ documents(first: 100) { nodes { id } } }')).documents.nodes;
    let doc: { id: string; items: ApiItem[] } | null = null;
    for (const d of docs) {
      const items = await apiTimeline({ documentIds: [d.id] });
      if (items.length > 0 && items.length < all.length) doc = { id: d.id, items };
    }
    expect(doc, 'a document reporting some but not all items').not.toBeNull();
    const page = await openPage('/');
    await page.selectOption('[data-testid="document-select"]', doc!.id);
    await expect.poll(() => shownCount(page)).toBe(doc!.items.length);
    expect(page.url()).toContain(`document=${doc!.id}`);
    await page.click('[data-testid="fit"]');
    await expect.poll(() => renderedIds(page)).toEqual(doc!.items.map((i) => i.id).sort());

    // the entity that speaks most, searched by one of its other names
    await page.click('[data-testid="reset"]');
    await expect.poll(() => shownCount(page)).toBe(all.length);
    const speakers = new Map<string, number>();
    for (const i of all) if (i.speaker) speakers.set(i.speaker.id, (speakers.get(i.speaker.id) ?? 0) + 1);
    const [speakerId] = [...speakers.entries()].sort((a, b) => b[1] - a[1])[0];
    const entity = (await api('query($id: ID!) { entity(id: $id) { id name aliases } }', { id: speakerId })).entity;
    const byEntity = await apiTimeline({ entityIds: [speakerId] });
    expect(byEntity.length).toBeGreaterThan(0);
    const alias = entity.aliases.find((a: string) => a.length >= 3 && !entity.name.toLowerCase().includes(a.toLowerCase())) ?? entity.name.slice(0, Math.max(3, entity.name.length - 1));
    await page.fill('[data-testid="entity-input"]', alias);
    const suggestion = page.locator(`[data-testid="entity-suggestion"][data-entity-id="${speakerId}"]`);
    await suggestion.waitFor({ timeout: 15_000 });
    await suggestion.click();
    await expect.poll(() => page.locator('[data-testid="entity-chip"]').first().getAttribute('data-entity-id')).toBe(speakerId);
    await expect.poll(() => shownCount(page)).toBe(byEntity.length);
    if (byEntity.length < all.length) expect(byEntity.length).toBeLessThan(all.length);

    // the URL carries filters and window: a new tab opens the same view
    await page.click('[data-testid="zoom-out"]');
    await expect.poll(() => new URL(page.url()).searchParams.get('start')).not.toBeNull();
    await page.waitForTimeout(400); // the window is written to the URL after a short pause
    const shared = new URL(page.url());
    expect(shared.searchParams.getAll('entity')).toEqual([speakerId]);
    const again = await openPage(shared.pathname + shared.search);
    expect(await shownCount(again)).toBe(byEntity.length);
    await expect.poll(() => again.locator('[data-testid="entity-chip"]').count()).toBe(1);
    const reopened = new URL(again.url());
    expect(reopened.searchParams.get('start')).toBe(shared.searchParams.get('start'));
    expect(reopened.searchParams.get('end')).toBe(shared.searchParams.get('end'));
    await again.close();
    await page.close();
  });

  it('opens an item on click with its evidence highlighted in its documents', async () => {
    const all = await apiTimeline();
    const byId = new Map(all.map((i) => [i.id, i]));
    const page = await openPage('/');
    const { uid, itemId } = await visibleItem(page, 'Statement');
    await itemLocator(page, uid).click();
    const panel = page.locator('[data-testid="detail-panel"]');
    await panel.waitFor({ state: 'visible' });
    await expect.poll(() => panel.getAttribute('data-item-id')).toBe(itemId);
    const item = byId.get(itemId)!;
    expect(item.evidence.length).toBeGreaterThan(0);
    const marks = page.locator('[data-testid="evidence-mark"]');
    await expect.poll(() => marks.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(new Set(item.evidence.map((e) => e.document.id)).size);
    const marked = await marks.allTextContents();
    for (const ev of item.evidence) expect(marked.some((m) => m.includes(ev.excerpt)), ev.excerpt).toBe(true);
    // each reporting document is listed, and the mark sits inside that document's text
    const docIds = [...new Set(item.evidence.map((e) => e.document.id))];
    expect(await page.$$eval('[data-testid="other-documents"] li', (lis) => lis.map((li) => (li as HTMLElement).dataset.documentId))).toEqual(docIds);
    for (const id of docIds) {
      await page.locator(`[data-testid="evidence"][data-document-id="${id}"] [data-testid="document-text"] mark`).first().waitFor({ state: 'visible' });
    }
    expect(new URL(page.url()).searchParams.get('item')).toBe(itemId);
    await page.screenshot({ path: join(OUTPUT, 'timeline.png') });
    await page.close();
  });

  it('is usable with the keyboard: Enter opens a focused item, Escape closes the panel', async () => {
    const page = await openPage('/');
    const { uid, itemId } = await visibleItem(page);
    await itemLocator(page, uid).focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('[data-testid="detail-panel"]');
    await expect.poll(() => panel.getAttribute('data-item-id')).toBe(itemId);
    await panel.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.uid)).toBe(uid);
    await page.close();
  });

  it('groups by document and by entity', async () => {
    const all = await apiTimeline();
    const docIds = new Set(all.flatMap((i) => i.evidence.map((e) => e.document.id)));
    const page = await openPage('/?group=document');
    await expect.poll(() => page.locator('[data-testid="timeline-group"]').count()).toBe(docIds.size);
    await page.selectOption('[data-testid="group-select"]', 'entity');
    await expect.poll(() => page.locator('[data-testid="timeline-group"]').count()).toBeGreaterThan(1);
    expect(new URL(page.url()).searchParams.get('group')).toBe('entity');
    await page.close();
  });

  it('says so clearly when the archive is empty or a request fails', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('request', (r) => requests.push(r.url()));
    let mode: 'fail' | 'empty' | 'pass' = 'fail';
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (mode === 'pass' || !body.includes('timeline(')) return route.continue();
      if (mode === 'fail') {
        return route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ errors: [{ message: 'The database is not available; try again shortly.', extensions: { code: 'DATABASE_UNAVAILABLE' } }] }),
        });
      }
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { timeline: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }) });
    });
    await page.goto(`${server.url}/`);
    await settled(page);
    expect(await state(page)).toBe('error');
    await expect.poll(() => page.locator('[data-testid="message"]').textContent()).toContain('Could not load the timeline');
    await expect.poll(() => page.locator('[data-testid="message"]').textContent()).toContain('database is not available');

    mode = 'empty';
    await page.click('[data-testid="retry"]');
    await expect.poll(() => state(page)).toBe('empty');
    await expect.poll(() => page.locator('[data-testid="message"]').textContent()).toContain('archive is empty');

    mode = 'pass';
    await page.reload();
    await settled(page);
    expect(await state(page)).toBe('ready');
    await page.locator('[data-testid="message"]').waitFor({ state: 'hidden' });
    await page.close();
  });

  it('made no request outside the server, and no script error', () => {
    expect(requests.length).toBeGreaterThan(0);
    const origin = new URL(server.url).origin;
    expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('the exports', () => {
  const noRemote = async (url: string) => {
    throw new Error(`remote document requested: ${url}`);
  };

  async function exported(format: string, query: string) {
    const res = await fetch(`${server.url}/export/${format}${query}`);
    expect(res.status, `${format}${query}`).toBe(200);
    return res.text();
  }

  async function check(query: string, filter: Record<string, unknown> | null) {
    const items = await apiTimeline(filter);
    const ids = items.map((i) => i.id);

    const tl = JSON.parse(await exported('timelinejs', query));
    expect(tl.events.map((e: { unique_id: string }) => e.unique_id)).toEqual(ids);
    for (const e of tl.events) {
      expect(e.start_date.year).toMatch(/^-?\d+$/);
      expect(typeof e.text.headline).toBe('string');
      expect(typeof e.text.text).toBe('string');
      expect(typeof e.group).toBe('string');
    }

    const csvText = await exported('csv', query);
    const rows = parseCsv(csvText);
    const header = rows[0];
    for (const c of ['edtf', 'earliest', 'latest', 'kind', 'text', 'speaker', 'channel', 'place', 'documents', 'evidence_excerpt']) expect(header).toContain(c);
    expect(rows.slice(1).map((r) => r[header.indexOf('id')])).toEqual(ids);
    expect(rows.slice(1).every((r) => r.length === header.length)).toBe(true);

    const doc = JSON.parse(await exported('jsonld', query));
    const expanded = (await jsonld.expand(doc, { documentLoader: noRemote as never })) as Record<string, any>[];
    const byId = new Map(expanded.filter((n) => n['@id']).map((n) => [n['@id'] as string, n]));
    const list = expanded.find((n) => (n['@type'] ?? []).includes('https://schema.org/ItemList'))!;
    const order = list['https://schema.org/itemListElement']
      .map((li: any) => ({ pos: Number(li['https://schema.org/position'][0]['@value']), id: li['https://schema.org/item'][0]['@id'] as string }))
      .sort((a: { pos: number }, b: { pos: number }) => a.pos - b.pos)
      .map((li: { id: string }) => li.id.replace('urn:annals:node:', ''));
    expect(order).toEqual(ids);
    for (const item of items) {
      const node = byId.get(`urn:annals:node:${item.id}`)!;
      expect(node, item.id).toBeTruthy();
      const derived = (node['http://www.w3.org/ns/prov#wasDerivedFrom'] ?? []).map((d: { '@id': string }) => d['@id'].replace('urn:annals:node:', ''));
      expect(derived.sort()).toEqual([...new Set(item.evidence.map((e) => e.document.id))].sort());
      if (item.__typename === 'Statement' && item.speaker) {
        expect(node['http://www.w3.org/ns/prov#wasAttributedTo']).toEqual([{ '@id': `urn:annals:node:${item.speaker.id}` }]);
      }
    }
    return { ids, csvText };
  }

  it('agree with timeline(filter) without a filter, by document, by entity and by dates', async () => {
    const all = await check('', null);
    expect(all.ids.length).toBeGreaterThan(0);
    const docs: { id: string }[] = (await api('{ documents(first: 100) { nodes { id } } }')).documents.nodes;
    await check(`?document=${docs[0].id}`, { documentIds: [docs[0].id] });
    if (docs.length > 1) await check(`?document=${docs[0].id}&document=${docs[1].id}`, { documentIds: [docs[0].id, docs[1].id] });
    const items = await apiTimeline();
    const speaker = items.find((i) => i.speaker)?.speaker?.id;
    expect(speaker).toBeTruthy();
    await check(`?entity=${speaker}`, { entityIds: [speaker] });
    const dated = await check('?from=2022-03-02&to=2022-03-02', { from: '2022-03-02T00:00:00.000Z', to: '2022-03-02T23:59:59.999Z' });
    expect(dated.ids.length).toBeLessThanOrEqual(all.ids.length);
  });

  it('refuse bad values with 400 BAD_USER_INPUT', async () => {
    for (const q of ['?from=soon', '?to=2022-02-30', '?from=2022-03-03&to=2022-03-01', '?entity=%3Cscript%3E', '?format=csv']) {
      const res = await fetch(`${server.url}/export/csv${q}`);
      expect(res.status, q).toBe(400);
      expect(await res.json(), q).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('npm run export writes what the route serves', async () => {
    const docs: { id: string }[] = (await api('{ documents(first: 100) { nodes { id } } }')).documents.nodes;
    const route = await exported('csv', `?document=${docs[0].id}`);
    const cli = await runScript('export.ts', ['--format', 'csv', '--document', docs[0].id]);
    expect(cli.code, cli.err).toBe(0);
    expect(cli.out).toBe(route);
    const bad = await runScript('export.ts', ['--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown format/);
  });
});
