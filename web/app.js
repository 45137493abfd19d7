// The Annals timeline page: vis-timeline over the GraphQL API (contract field names only).
// State lives in the URL (?entity=…&document=…&from=…&to=…&group=…&start=…&end=…&item=…),
// so a view can be shared and reopens where it was left.
import { describeEdtf, inexactReason, isInexact } from './edtf.js';

const $ = (id) => document.getElementById(id);
const app = $('app');
const PAGE = 250;

// ---------------------------------------------------------------- GraphQL

class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

async function gql(query, variables = {}) {
  let res;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('the server did not answer (network error)', 'NETWORK');
  }
  let body;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`the server answered ${res.status} ${res.statusText} without a GraphQL result`, `HTTP_${res.status}`);
  }
  if (body.errors && body.errors.length) {
    throw new ApiError(body.errors.map((e) => e.message).join('; '), body.errors[0].extensions?.code ?? 'ERROR');
  }
  if (!res.ok || !body.data) throw new ApiError(`the server answered ${res.status}`, `HTTP_${res.status}`);
  return body.data;
}

const SPAN = 'edtf earliest latest text';
const EVIDENCE = 'start end excerpt document { id title url }';
const TIMELINE_Q = `query AnnalsPageTimeline($filter: TimelineFilter, $first: Int, $after: String) {
  timeline(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      at { ${SPAN} }
      item {
        __typename
        ... on Statement {
          id kind text quote speakerText channel
          speaker { id name kind }
          saidAt { ${SPAN} }
          saidIn { id name }
          evidence { ${EVIDENCE} }
          contradicts { id kind text quote speakerText channel speaker { id name kind } saidAt { ${SPAN} } evidence { ${EVIDENCE} } }
        }
        ... on Event {
          id label type
          when { ${SPAN} }
          places { id name }
          participants { id name kind }
          evidence { ${EVIDENCE} }
        }
      }
    } }
  }
}`;
const ENTITIES_Q = `query AnnalsPageEntities($q: String, $first: Int) { entities(query: $q, first: $first) { nodes { id name kind aliases } } }`;
const ENTITY_Q = `query AnnalsPageEntity($id: ID!) { entity(id: $id) { id name kind } }`;
const DOCUMENTS_Q = `query AnnalsPageDocuments($first: Int, $after: String) {
  documents(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { id title published { edtf } } }
}`;
const DOCUMENT_Q = `query AnnalsPageDocument($id: ID!) { document(id: $id) { id title url text } }`;

// ---------------------------------------------------------------- URL state

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const GROUPS = ['none', 'entity', 'document'];
const state = { entityIds: [], documentIds: [], from: '', to: '', group: 'none', start: null, end: null, item: null };

function validInstant(s) {
  return s && !Number.isNaN(Date.parse(s)) ? new Date(s).toISOString() : null;
}

function readUrl() {
  const p = new URLSearchParams(location.search || location.hash.replace(/^#/, ''));
  const ids = (k) => [...new Set(p.getAll(k).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => /^[A-Za-z0-9_:.-]{1,200}$/.test(v)))];
  state.entityIds = ids('entity');
  state.documentIds = ids('document');
  state.from = DATE.test(p.get('from') ?? '') ? p.get('from') : '';
  state.to = DATE.test(p.get('to') ?? '') ? p.get('to') : '';
  state.group = GROUPS.includes(p.get('group')) ? p.get('group') : 'none';
  state.start = validInstant(p.get('start'));
  state.end = validInstant(p.get('end'));
  if (state.start && state.end && state.start >= state.end) state.start = state.end = null;
  state.item = /^[A-Za-z0-9_:.-]{1,200}$/.test(p.get('item') ?? '') ? p.get('item') : null;
}

function urlFor(s) {
  const p = new URLSearchParams();
  for (const id of s.entityIds) p.append('entity', id);
  for (const id of s.documentIds) p.append('document', id);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.group !== 'none') p.set('group', s.group);
  if (s.start && s.end) {
    p.set('start', s.start);
    p.set('end', s.end);
  }
  if (s.item) p.set('item', s.item);
  const q = p.toString();
  return q ? `${location.pathname}?${q}` : location.pathname;
}

function writeUrl(push) {
  const url = urlFor(state);
  if (url === location.pathname + location.search) return;
  history[push ? 'pushState' : 'replaceState'](null, '', url);
}

function apiFilter() {
  const f = {};
  if (state.entityIds.length) f.entityIds = state.entityIds;
  if (state.documentIds.length) f.documentIds = state.documentIds;
  if (state.from) f.from = `${state.from}T00:00:00.000Z`;
  if (state.to) f.to = `${state.to}T23:59:59.999Z`;
  return Object.keys(f).length ? f : null;
}

const hasFilters = () => state.entityIds.length > 0 || state.documentIds.length > 0 || !!state.from || !!state.to;

// ---------------------------------------------------------------- helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
  return node;
}

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const shorten = (s, n) => {
  const flat = String(s).replace(/\s+/g, ' ').trim();
  return flat.length <= n ? flat : `${flat.slice(0, n - 1).trimEnd()}…`;
};
const fold = (s) => String(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const kindLabel = (k) => ({ PERSON: 'person', ORGANIZATION: 'organization', PLACE: 'place' })[k] ?? String(k ?? '').toLowerCase();
const who = (st) => st.speaker?.name ?? st.speakerText ?? 'Unattributed';
const words = (st) => (st.kind === 'QUOTE' ? `“${st.quote ?? st.text}”` : st.text);

function itemLabel(entry) {
  const it = entry.item;
  return it.__typename === 'Statement' ? `${who(it)}: ${words(it)}` : `${it.type}: ${it.label}`;
}

function debounce(fn, ms) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}

// ---------------------------------------------------------------- messages and status

function setAppState(s) {
  app.dataset.state = s;
}

function showMessage(kind, text, actions = []) {
  const box = $('message');
  box.replaceChildren(el('p', { text }), ...actions);
  box.className = `message ${kind}`;
  box.dataset.kind = kind;
  box.hidden = false;
}

function hideMessage() {
  $('message').hidden = true;
  $('message').replaceChildren();
}

function setStatus(text, count) {
  const s = $('status');
  s.textContent = text;
  if (count === undefined) delete s.dataset.count;
  else s.dataset.count = String(count);
}

// ---------------------------------------------------------------- the timeline

let timeline = null;
let entries = []; // in timeline order
const byId = new Map(); // item id -> entry (loaded entries and contradicting statements seen)
let visOrder = []; // vis item ids in time order, for keyboard moves
let settingWindow = false;
let loadSeq = 0;

function groupKeys(entry, mode) {
  const it = entry.item;
  if (mode === 'entity') {
    const ents = it.__typename === 'Statement' ? (it.speaker ? [it.speaker] : []) : [...it.participants, ...it.places.map((p) => ({ ...p, kind: 'PLACE' }))];
    const uniq = [...new Map(ents.map((e) => [e.id, e])).values()];
    if (!uniq.length) return [{ id: 'entity:none', label: it.__typename === 'Statement' ? 'Unattributed' : 'No entity', kind: '' }];
    return uniq.map((e) => ({ id: `entity:${e.id}`, label: e.name, kind: kindLabel(e.kind) }));
  }
  if (mode === 'document') {
    const docs = [...new Map(it.evidence.map((e) => [e.document.id, e.document])).values()];
    if (!docs.length) return [{ id: 'document:none', label: 'No document', kind: '' }];
    return docs.map((d) => ({ id: `document:${d.id}`, label: d.title, kind: 'document' }));
  }
  return [null];
}

function buildVisData() {
  const items = [];
  const groups = new Map();
  for (const entry of entries) {
    const inexact = isInexact(entry.at);
    const it = entry.item;
    for (const g of groupKeys(entry, state.group)) {
      const uid = g ? `${it.id}@${g.id}` : it.id;
      if (g) {
        const cur = groups.get(g.id) ?? { ...g, count: 0 };
        cur.count++;
        groups.set(g.id, cur);
      }
      const start = new Date(entry.at.earliest);
      const end = new Date(entry.at.latest);
      const item = {
        id: uid,
        itemId: it.id,
        start,
        type: inexact && end > start ? 'range' : 'box',
        className: [it.__typename === 'Statement' ? 'item-statement' : 'item-event', inexact ? 'inexact' : 'exact'].join(' '),
        title: escapeHtml(`${shorten(itemLabel(entry), 300)}\n${describeEdtf(entry.at.edtf)}${inexact ? ` (${inexactReason(entry.at)})` : ''}`),
      };
      if (item.type === 'range') {
        item.end = end;
        item.align = 'auto'; // keeps the label in view when the range starts left of the window
      }
      if (g) item.group = g.id;
      items.push(item);
    }
  }
  const groupList = [...groups.values()]
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .map((g, i) => ({ id: g.id, order: i, label: g.label, kind: g.kind, count: g.count }));
  return { items, groups: state.group === 'none' ? null : groupList };
}

function itemTemplate(item) {
  if (!item || !item.itemId) return '';
  const entry = byId.get(item.itemId);
  if (!entry) return '';
  const inexact = isInexact(entry.at);
  const it = entry.item;
  const node = el('span', {
    class: 'item-label',
    tabindex: '0',
    role: 'button',
    'aria-label': `${it.__typename === 'Statement' ? 'Statement' : 'Event'}, ${describeEdtf(entry.at.edtf)}: ${shorten(itemLabel(entry), 200)}`,
    dataset: { testid: 'timeline-item', itemId: it.id, uid: item.id, itemType: it.__typename, inexact: String(inexact) },
  });
  if (inexact) {
    const r = inexactReason(entry.at);
    node.append(el('span', { class: 'inexact-mark', title: `date ${r}: ${describeEdtf(entry.at.edtf)}`, 'aria-hidden': 'true', text: /uncertain/.test(r) ? '?' : '≈' }), ' ');
  }
  node.append(shorten(itemLabel(entry), 70));
  return node;
}

function groupTemplate(group) {
  if (!group) return '';
  return el(
    'span',
    { class: 'group-label', title: `${group.label}${group.kind ? ` (${group.kind})` : ''}: ${group.count} item${group.count === 1 ? '' : 's'}`, dataset: { testid: 'timeline-group', groupId: group.id } },
    el('span', { class: 'group-name', text: shorten(group.label, 40) }),
    group.kind ? el('span', { class: 'group-kind', text: group.kind }) : null,
    el('span', { class: 'group-count', text: String(group.count) }),
  );
}

function ensureTimeline() {
  if (timeline) return timeline;
  if (!window.vis || !window.vis.Timeline) throw new ApiError('the timeline library did not load', 'ASSET');
  const container = $('timeline');
  timeline = new window.vis.Timeline(container, [], {
    height: '100%',
    stack: true,
    orientation: { axis: 'top', item: 'top' },
    verticalScroll: true,
    zoomKey: '',
    align: 'left',
    selectable: true,
    multiselect: false,
    showCurrentTime: false,
    zoomMin: 60 * 60 * 1000,
    margin: { item: { horizontal: 4, vertical: 6 } },
    template: itemTemplate,
    groupTemplate,
    tooltip: { followMouse: true, overflowMethod: 'cap', delay: 250 },
  });
  timeline.on('select', (props) => {
    const uid = props.items && props.items[0];
    if (uid === undefined) return;
    const vi = timeline.itemsData.get(uid);
    if (vi) openItem(vi.itemId, { uid, fromTimeline: true });
  });
  const saveWindow = debounce((start, end) => {
    state.start = start.toISOString();
    state.end = end.toISOString();
    writeUrl(false);
  }, 250);
  timeline.on('rangechanged', (props) => {
    if (settingWindow || !entries.length) return;
    saveWindow(props.start, props.end);
  });
  container.addEventListener('keydown', onTimelineKey);
  return timeline;
}

function focusItemElement(uid) {
  const target = [...document.querySelectorAll('[data-testid="timeline-item"]')].find((n) => n.dataset.uid === uid);
  if (target) target.focus({ preventScroll: false });
  return !!target;
}

function onTimelineKey(ev) {
  const t = ev.target;
  if (t && t.dataset && t.dataset.testid === 'timeline-item') {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      timeline.setSelection([t.dataset.uid]);
      openItem(t.dataset.itemId, { uid: t.dataset.uid, fromTimeline: true, focusPanel: true });
      return;
    }
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') {
      ev.preventDefault();
      const i = visOrder.indexOf(t.dataset.uid);
      const next = visOrder[i + (ev.key === 'ArrowRight' ? 1 : -1)];
      if (next === undefined) return;
      if (!focusItemElement(next)) {
        timeline.focus(next, { animation: false });
        requestAnimationFrame(() => requestAnimationFrame(() => focusItemElement(next)));
      } else {
        timeline.setSelection([]);
      }
      return;
    }
  }
  if (ev.key === '+' || ev.key === '=') timeline.zoomIn(0.4);
  else if (ev.key === '-' || ev.key === '_') timeline.zoomOut(0.4);
  else if (ev.key === '0') fitAll();
}

const DAY = 24 * 3600 * 1000;

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

/** The window that shows items [lo, hi] with room for left-aligned labels on the right. */
function paddedWindow(lo, hi) {
  let span = hi - lo;
  if (span < 2 * DAY) {
    lo -= DAY;
    hi += DAY;
    span = hi - lo;
  }
  return { start: new Date(lo - span * 0.04), end: new Date(hi + span * 0.3) };
}

/** Everything, or (all=false) the bulk of the items: a few far-off outliers do not squeeze the rest. */
function windowFor(all) {
  const starts = entries.map((e) => Date.parse(e.at.earliest)).filter(Number.isFinite).sort((a, b) => a - b);
  const ends = entries.map((e) => Date.parse(e.at.latest)).filter(Number.isFinite).sort((a, b) => a - b);
  if (!starts.length) return null;
  const full = { lo: starts[0], hi: ends[ends.length - 1] };
  if (all || starts.length < 8) return { ...paddedWindow(full.lo, full.hi), hidden: 0 };
  const lo = quantile(starts, 0.05);
  const hi = quantile(ends, 0.95);
  if (hi - lo > (full.hi - full.lo) * 0.5) return { ...paddedWindow(full.lo, full.hi), hidden: 0 };
  const hidden = entries.filter((e) => Date.parse(e.at.latest) < lo || Date.parse(e.at.earliest) > hi).length;
  return { ...paddedWindow(lo, hi), hidden };
}

let outsideNote = '';

function showWindow(all) {
  const w = windowFor(all);
  outsideNote = w && w.hidden ? ` ${w.hidden === 1 ? '1 item far from the rest is' : `${w.hidden} items far from the rest are`} outside this view: press Fit to see ${w.hidden === 1 ? 'it' : 'them'}.` : '';
  if (w) timeline.setWindow(w.start, w.end, { animation: false });
}

function fitAll() {
  if (!timeline || !entries.length) return;
  showWindow(true);
  outsideNote = '';
  updateStatus();
}

function renderTimeline({ keepWindow }) {
  const tl = ensureTimeline();
  const { items, groups } = buildVisData();
  visOrder = items
    .slice()
    .sort((a, b) => a.start - b.start || (a.group ?? '').localeCompare(b.group ?? ''))
    .map((i) => i.id);
  settingWindow = true;
  tl.setData({ groups: groups ?? undefined, items });
  if (!groups) tl.setGroups(null);
  if (items.length) {
    if (keepWindow && state.start && state.end) {
      outsideNote = '';
      tl.setWindow(new Date(state.start), new Date(state.end), { animation: false });
    } else showWindow(false);
  }
  setTimeout(() => {
    settingWindow = false;
  }, 50);
}

function updateStatus() {
  if (!entries.length) return;
  const statements = entries.filter((e) => e.item.__typename === 'Statement').length;
  const inexact = entries.filter((e) => isInexact(e.at)).length;
  const events = entries.length - statements;
  setStatus(
    `${entries.length} item${entries.length === 1 ? '' : 's'}: ${statements} statement${statements === 1 ? '' : 's'}, ${events} event${events === 1 ? '' : 's'}${
      inexact ? `; ${inexact} with an approximate or uncertain date` : ''
    }${hasFilters() ? ' (filtered)' : ''}.${outsideNote}`,
    entries.length,
  );
}

async function fetchTimeline(seq) {
  const all = [];
  let after = null;
  let total = 0;
  for (;;) {
    const data = await gql(TIMELINE_Q, { filter: apiFilter(), first: PAGE, after });
    if (seq !== loadSeq) return null;
    const conn = data.timeline;
    total = conn.totalCount;
    for (const e of conn.edges) all.push(e.node);
    if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) break;
    after = conn.pageInfo.endCursor;
  }
  return { entries: all, total };
}

function remember(entry) {
  byId.set(entry.item.id, entry);
  if (entry.item.__typename === 'Statement') {
    for (const c of entry.item.contradicts) {
      if (!byId.has(c.id)) {
        const at = c.saidAt ?? entry.at;
        byId.set(c.id, { at, item: { __typename: 'Statement', saidIn: null, contradicts: [], ...c }, stub: true });
      }
    }
  }
}

async function loadTimeline({ keepWindow }) {
  const seq = ++loadSeq;
  setAppState('loading');
  setStatus('Loading the timeline…');
  hideMessage();
  let result;
  try {
    result = await fetchTimeline(seq);
  } catch (e) {
    if (seq !== loadSeq) return;
    setAppState('error');
    setStatus('The timeline could not be loaded.');
    showMessage('error', `Could not load the timeline: ${String(e.message).replace(/\.+$/, '')}.`, [
      el('button', { type: 'button', 'data-testid': 'retry', onclick: () => loadTimeline({ keepWindow }) }, 'Try again'),
    ]);
    return;
  }
  if (!result) return;
  entries = result.entries;
  byId.clear();
  for (const e of entries) remember(e);
  try {
    renderTimeline({ keepWindow });
  } catch (e) {
    setAppState('error');
    showMessage('error', `Could not draw the timeline: ${e.message}.`);
    return;
  }
  if (!entries.length) {
    setAppState('empty');
    setStatus('No items.', 0);
    if (hasFilters()) {
      showMessage('empty', 'Nothing on the timeline matches these filters.', [
        el('button', { type: 'button', 'data-testid': 'clear-filters', onclick: resetFilters }, 'Clear the filters'),
      ]);
    } else {
      showMessage('empty', 'The archive is empty: there are no events or statements yet. Ingest documents with “npm run seed -- PATH”, then reload this page.');
    }
    closePanel({ keepUrl: true });
    return;
  }
  updateStatus();
  setAppState('ready');
  if (state.item && byId.has(state.item)) {
    const uid = visOrder.find((u) => timeline.itemsData.get(u)?.itemId === state.item);
    if (uid) timeline.setSelection([uid]);
    openItem(state.item, { uid });
  } else if (state.item) {
    closePanel();
  }
}

// ---------------------------------------------------------------- the detail panel

const docCache = new Map();
function loadDocument(id) {
  if (!docCache.has(id)) {
    const p = gql(DOCUMENT_Q, { id }).then((d) => {
      if (!d.document) throw new ApiError('the document is not in the archive', 'NOT_FOUND');
      return d.document;
    });
    p.catch(() => docCache.delete(id));
    docCache.set(id, p);
  }
  return docCache.get(id);
}

let lastFocus = null;
let panelSeq = 0;

function closePanel({ keepUrl = false } = {}) {
  const panel = $('panel');
  if (panel.hidden) return;
  panel.hidden = true;
  app.classList.remove('with-panel');
  if (timeline) {
    timeline.setSelection([]);
    timeline.redraw();
  }
  if (!keepUrl) {
    state.item = null;
    writeUrl(false);
  }
  if (lastFocus && document.contains(lastFocus)) lastFocus.focus();
}

function spanText(at) {
  if (!at) return 'not stated';
  return `${describeEdtf(at.edtf)}${at.text ? ` — “${at.text}”` : ''}`;
}

function timeCell(at) {
  if (!at) return el('span', { class: 'none', text: 'not stated' });
  const inexact = isInexact(at);
  return el(
    'span',
    {},
    spanText(at),
    ' ',
    el('code', { class: 'edtf', title: 'EDTF', text: at.edtf }),
    inexact ? el('span', { class: 'badge inexact-badge', 'data-testid': 'inexact-badge', text: inexactReason(at) }) : null,
  );
}

function detailsList(entry) {
  const it = entry.item;
  const rows = [];
  const row = (k, v) => rows.push(el('dt', { text: k }), el('dd', {}, v));
  if (it.__typename === 'Statement') {
    row('Kind', it.kind === 'QUOTE' ? 'Quote (verbatim)' : 'Reported (paraphrase)');
    row(
      'Speaker',
      el(
        'span',
        { 'data-testid': 'detail-speaker' },
        it.speaker ? `${it.speaker.name} (${kindLabel(it.speaker.kind)})` : el('span', { class: 'none', text: 'not resolved' }),
        it.speakerText && it.speakerText !== it.speaker?.name ? el('span', { class: 'as-written', text: ` as written: “${it.speakerText}”` }) : null,
      ),
    );
    row('Channel', it.channel ? el('span', { 'data-testid': 'detail-channel', text: it.channel }) : el('span', { class: 'none', text: 'not stated' }));
    row('When', el('span', { 'data-testid': 'detail-time' }, timeCell(it.saidAt ?? entry.at)));
    row('Where', it.saidIn ? el('span', { 'data-testid': 'detail-place', text: it.saidIn.name }) : el('span', { class: 'none', text: 'not stated' }));
  } else {
    row('Type', it.type);
    row('When', el('span', { 'data-testid': 'detail-time' }, timeCell(it.when ?? entry.at)));
    row('Where', it.places.length ? el('span', { 'data-testid': 'detail-place', text: it.places.map((p) => p.name).join(', ') }) : el('span', { class: 'none', text: 'not stated' }));
    row('Participants', it.participants.length ? it.participants.map((p) => p.name).join(', ') : el('span', { class: 'none', text: 'none named' }));
  }
  return el('dl', { class: 'details' }, rows);
}

function statementCard(entry, { current }) {
  const it = entry.item;
  return el(
    'article',
    { class: `card${current ? ' current' : ''}`, 'data-testid': current ? 'current-card' : 'contradiction', dataset: { itemId: it.id } },
    el('p', { class: 'card-who', text: who(it) }),
    el('blockquote', { text: words(it) }),
    el('p', { class: 'card-when', text: spanText(it.saidAt ?? entry.at) }),
    current
      ? null
      : el('button', { type: 'button', class: 'link', onclick: () => openItem(it.id, { pushFocus: true }) }, 'Open this statement'),
  );
}

function mergeRanges(ranges) {
  const sorted = ranges.slice().sort((a, b) => a.start - b.start);
  const out = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

function locate(text, ev) {
  if (ev.start >= 0 && ev.end <= text.length && ev.start < ev.end && text.slice(ev.start, ev.end) === ev.excerpt) return { start: ev.start, end: ev.end, exact: true };
  const i = ev.excerpt ? text.indexOf(ev.excerpt) : -1;
  if (i >= 0) return { start: i, end: i + ev.excerpt.length, exact: false };
  return null;
}

function renderDocumentText(box, doc, evidence) {
  const found = [];
  const missing = [];
  for (const ev of evidence) {
    const r = locate(doc.text, ev);
    if (r) found.push(r);
    else missing.push(ev);
  }
  const ranges = mergeRanges(found);
  const text = el('div', { class: 'doc-text', tabindex: '0', role: 'region', 'aria-label': `Text of ${doc.title}`, 'data-testid': 'document-text' });
  let pos = 0;
  for (const r of ranges) {
    if (r.start > pos) text.append(doc.text.slice(pos, r.start));
    text.append(el('mark', { 'data-testid': 'evidence-mark', text: doc.text.slice(r.start, r.end) }));
    pos = r.end;
  }
  text.append(doc.text.slice(pos));
  const notes = [];
  if (found.some((r) => !r.exact)) notes.push(el('p', { class: 'note', text: 'Some passage offsets did not match the stored text; the passage was found by its words.' }));
  for (const ev of missing) notes.push(el('p', { class: 'note', text: 'This passage was not found in the stored text:' }), el('blockquote', { class: 'excerpt', text: ev.excerpt }));
  box.replaceChildren(text, ...notes);
  const mark = text.querySelector('mark');
  if (mark) text.scrollTop = Math.max(0, mark.offsetTop - text.clientHeight / 3);
}

function evidenceSection(entry, seq) {
  const it = entry.item;
  const byDoc = new Map();
  for (const ev of it.evidence) {
    if (!byDoc.has(ev.document.id)) byDoc.set(ev.document.id, { document: ev.document, passages: [] });
    byDoc.get(ev.document.id).passages.push(ev);
  }
  const section = el('section', { class: 'evidence', 'aria-label': 'Evidence' });
  section.append(el('h3', { text: `Evidence: ${it.evidence.length} passage${it.evidence.length === 1 ? '' : 's'} in ${byDoc.size} document${byDoc.size === 1 ? '' : 's'}` }));
  if (!byDoc.size) {
    section.append(el('p', { class: 'none', text: 'No passage is recorded for this item.' }));
    return section;
  }
  const list = el('ul', { class: 'doc-list', 'data-testid': 'other-documents', 'aria-label': 'Documents that report it' });
  const blocks = [];
  let i = 0;
  for (const { document: d, passages } of byDoc.values()) {
    const anchor = `ev-doc-${i++}`;
    list.append(
      el(
        'li',
        { dataset: { documentId: d.id } },
        el('button', { type: 'button', class: 'link', onclick: () => $(anchor)?.scrollIntoView({ block: 'start', behavior: 'smooth' }) }, d.title),
        ` — ${passages.length} passage${passages.length === 1 ? '' : 's'}`,
      ),
    );
    const body = el('div', { class: 'doc-body' }, el('p', { class: 'loading', text: 'Loading the document…' }), ...passages.map((p) => el('blockquote', { class: 'excerpt', text: p.excerpt })));
    const block = el(
      'section',
      { class: 'evidence-doc', id: anchor, 'data-testid': 'evidence', dataset: { documentId: d.id } },
      el('h4', {}, d.url ? el('a', { href: d.url, target: '_blank', rel: 'noopener noreferrer', text: d.title }) : d.title),
      el('p', { class: 'offsets', text: passages.map((p) => `characters ${p.start}–${p.end}`).join('; ') }),
      body,
    );
    blocks.push(block);
    loadDocument(d.id).then(
      (doc) => {
        if (seq === panelSeq) renderDocumentText(body, doc, passages);
      },
      (e) => {
        if (seq !== panelSeq) return;
        body.querySelector('.loading')?.replaceWith(el('p', { class: 'note error', 'data-testid': 'document-error', text: `Could not load the document text (${e.message}); the passages as recorded:` }));
      },
    );
  }
  section.append(byDoc.size > 1 ? el('p', { class: 'reported-in', text: `Reported in ${byDoc.size} documents:` }) : el('p', { class: 'reported-in', text: 'Reported in:' }), list, ...blocks);
  return section;
}

function openItem(itemId, opts = {}) {
  const entry = byId.get(itemId);
  if (!entry) return;
  const seq = ++panelSeq;
  const it = entry.item;
  const panel = $('panel');
  if (!panel.hidden && document.activeElement && panel.contains(document.activeElement)) {
    // keep the earlier origin of focus
  } else if (document.activeElement && document.activeElement !== document.body) {
    lastFocus = document.activeElement;
  }
  state.item = itemId;
  writeUrl(false);
  panel.dataset.itemId = itemId;
  panel.dataset.itemType = it.__typename;
  const title =
    it.__typename === 'Statement'
      ? `${it.kind === 'QUOTE' ? 'Quote' : 'Reported statement'} — ${who(it)}`
      : `Event — ${it.type}`;
  $('panel-title').textContent = title;
  const body = $('panel-body');
  const parts = [];
  if (it.__typename === 'Statement') {
    const contradictions = it.contradicts.map((c) => byId.get(c.id)).filter(Boolean);
    if (contradictions.length) {
      parts.push(
        el(
          'section',
          { class: 'compare', 'data-testid': 'contradictions', 'aria-label': 'Contradicting statements' },
          el('h3', { text: `Contradicted by ${contradictions.length} statement${contradictions.length === 1 ? '' : 's'}` }),
          el('div', { class: 'compare-grid' }, statementCard(entry, { current: true }), contradictions.map((c) => statementCard(c, { current: false }))),
        ),
      );
    } else {
      parts.push(el('blockquote', { class: 'main-text', 'data-testid': 'detail-text', text: words(it) }));
    }
  } else {
    parts.push(el('p', { class: 'main-text', 'data-testid': 'detail-text', text: it.label }));
  }
  if (entry.stub) parts.push(el('p', { class: 'note', text: 'This statement is outside the current filters.' }));
  parts.push(detailsList(entry));
  parts.push(evidenceSection(entry, seq));
  body.replaceChildren(...parts);
  body.scrollTop = 0;
  const wasHidden = panel.hidden;
  panel.hidden = false;
  app.classList.add('with-panel');
  if (wasHidden && timeline) timeline.redraw();
  if (opts.focusPanel || opts.pushFocus) panel.focus();
}

// ---------------------------------------------------------------- filters

let documentsLoaded = false;

async function loadDocuments() {
  const select = $('document-select');
  try {
    const docs = [];
    let after = null;
    for (;;) {
      const d = await gql(DOCUMENTS_Q, { first: 200, after });
      docs.push(...d.documents.nodes);
      if (!d.documents.pageInfo.hasNextPage || !d.documents.pageInfo.endCursor) break;
      after = d.documents.pageInfo.endCursor;
    }
    docs.sort((a, b) => a.title.localeCompare(b.title));
    select.replaceChildren(
      el('option', { value: '', text: docs.length ? `All documents (${docs.length})` : 'All documents' }),
      ...docs.map((d) => el('option', { value: d.id, text: shorten(`${d.title}${d.published ? ` (${d.published.edtf})` : ''}`, 90) })),
    );
    documentsLoaded = true;
  } catch (e) {
    select.replaceChildren(el('option', { value: '', text: 'Documents could not be loaded' }));
    select.title = e.message;
  }
  syncForm();
}

const entityNames = new Map();

async function resolveEntityNames() {
  await Promise.all(
    state.entityIds
      .filter((id) => !entityNames.has(id))
      .map((id) =>
        gql(ENTITY_Q, { id }).then(
          (d) => entityNames.set(id, d.entity ? { name: d.entity.name, kind: d.entity.kind } : { name: `${id} (unknown)`, kind: '' }),
          () => entityNames.set(id, { name: id, kind: '' }),
        ),
      ),
  );
  renderChips();
}

function renderChips() {
  $('entity-chips').replaceChildren(
    ...state.entityIds.map((id) => {
      const info = entityNames.get(id) ?? { name: id, kind: '' };
      return el(
        'li',
        { class: 'chip', 'data-testid': 'entity-chip', dataset: { entityId: id } },
        el('span', { text: info.name }),
        el('button', { type: 'button', 'aria-label': `Remove ${info.name}`, title: 'Remove', onclick: () => removeEntity(id) }, '×'),
      );
    }),
  );
}

function syncForm() {
  const select = $('document-select');
  const docId = state.documentIds[0] ?? '';
  if (docId && ![...select.options].some((o) => o.value === docId)) select.append(el('option', { value: docId, text: documentsLoaded ? `${docId} (unknown)` : docId }));
  select.value = docId;
  $('from-input').value = state.from;
  $('to-input').value = state.to;
  $('group-select').value = state.group;
  renderChips();
}

function filtersChanged() {
  state.start = state.end = null;
  writeUrl(true);
  loadTimeline({ keepWindow: false });
}

function addEntity(e) {
  entityNames.set(e.id, { name: e.name, kind: e.kind });
  if (!state.entityIds.includes(e.id)) state.entityIds.push(e.id);
  renderChips();
  filtersChanged();
}

function removeEntity(id) {
  state.entityIds = state.entityIds.filter((x) => x !== id);
  renderChips();
  $('entity-input').focus();
  filtersChanged();
}

function resetFilters() {
  state.entityIds = [];
  state.documentIds = [];
  state.from = '';
  state.to = '';
  state.item = null;
  syncForm();
  closePanel({ keepUrl: true });
  filtersChanged();
}

// entity combobox with alias-aware suggestions
let suggestions = [];
let active = -1;
let suggestSeq = 0;

function hideSuggestions() {
  const list = $('entity-suggestions');
  list.hidden = true;
  list.replaceChildren();
  $('entity-input').setAttribute('aria-expanded', 'false');
  $('entity-input').removeAttribute('aria-activedescendant');
  suggestions = [];
  active = -1;
}

function renderSuggestions(q) {
  const list = $('entity-suggestions');
  const input = $('entity-input');
  if (!suggestions.length) {
    list.replaceChildren(el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true', text: `No entity matches “${q}”` }));
  } else {
    const fq = fold(q);
    list.replaceChildren(
      ...suggestions.map((s, i) => {
        const alias = fold(s.name).includes(fq) ? null : s.aliases.find((a) => fold(a).includes(fq)) ?? null;
        return el(
          'li',
          {
            id: `entity-opt-${i}`,
            role: 'option',
            class: i === active ? 'active' : '',
            'aria-selected': i === active ? 'true' : 'false',
            'data-testid': 'entity-suggestion',
            dataset: { entityId: s.id },
            onmousedown: (ev) => {
              ev.preventDefault();
              choose(i);
            },
          },
          el('span', { class: 'sugg-name', text: s.name }),
          el('span', { class: 'sugg-kind', text: kindLabel(s.kind) }),
          alias ? el('span', { class: 'sugg-alias', text: `also “${alias}”` }) : null,
        );
      }),
    );
  }
  list.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  if (active >= 0) input.setAttribute('aria-activedescendant', `entity-opt-${active}`);
  else input.removeAttribute('aria-activedescendant');
}

function choose(i) {
  const s = suggestions[i];
  if (!s) return;
  $('entity-input').value = '';
  hideSuggestions();
  addEntity(s);
}

const suggest = debounce(async (q) => {
  const seq = ++suggestSeq;
  if (!q.trim()) return hideSuggestions();
  try {
    const d = await gql(ENTITIES_Q, { q: q.trim(), first: 8 });
    if (seq !== suggestSeq || $('entity-input').value !== q) return;
    suggestions = d.entities.nodes;
    active = suggestions.length ? 0 : -1;
    renderSuggestions(q);
  } catch (e) {
    if (seq !== suggestSeq) return;
    suggestions = [];
    $('entity-suggestions').replaceChildren(el('li', { class: 'empty error', role: 'option', 'aria-disabled': 'true', text: `Suggestions failed: ${e.message}` }));
    $('entity-suggestions').hidden = false;
  }
}, 180);

function wireForm() {
  const input = $('entity-input');
  input.addEventListener('input', () => suggest(input.value));
  input.addEventListener('keydown', (ev) => {
    const open = !$('entity-suggestions').hidden && suggestions.length > 0;
    if (ev.key === 'ArrowDown' && open) {
      ev.preventDefault();
      active = (active + 1) % suggestions.length;
      renderSuggestions(input.value);
    } else if (ev.key === 'ArrowUp' && open) {
      ev.preventDefault();
      active = (active - 1 + suggestions.length) % suggestions.length;
      renderSuggestions(input.value);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (open && active >= 0) choose(active);
    } else if (ev.key === 'Escape') {
      hideSuggestions();
    } else if (ev.key === 'Backspace' && !input.value && state.entityIds.length) {
      removeEntity(state.entityIds[state.entityIds.length - 1]);
    }
  });
  input.addEventListener('blur', () => setTimeout(hideSuggestions, 120));
  $('filters').addEventListener('submit', (ev) => ev.preventDefault());
  $('document-select').addEventListener('change', (ev) => {
    state.documentIds = ev.target.value ? [ev.target.value] : [];
    filtersChanged();
  });
  const dateChanged = () => {
    const from = $('from-input');
    const to = $('to-input');
    const bad = from.value && to.value && from.value > to.value;
    to.setCustomValidity(bad ? '“To” must not be before “From”.' : '');
    if (bad) {
      to.reportValidity();
      return;
    }
    state.from = DATE.test(from.value) ? from.value : '';
    state.to = DATE.test(to.value) ? to.value : '';
    filtersChanged();
  };
  $('from-input').addEventListener('change', dateChanged);
  $('to-input').addEventListener('change', dateChanged);
  $('group-select').addEventListener('change', (ev) => {
    state.group = GROUPS.includes(ev.target.value) ? ev.target.value : 'none';
    writeUrl(true);
    if (entries.length) {
      const w = timeline.getWindow();
      state.start = w.start.toISOString();
      state.end = w.end.toISOString();
      renderTimeline({ keepWindow: true });
      if (state.item) {
        const uid = visOrder.find((u) => timeline.itemsData.get(u)?.itemId === state.item);
        if (uid) timeline.setSelection([uid]);
      }
    }
  });
  $('reset').addEventListener('click', resetFilters);
  $('zoom-in').addEventListener('click', () => timeline?.zoomIn(0.4));
  $('zoom-out').addEventListener('click', () => timeline?.zoomOut(0.4));
  $('fit').addEventListener('click', fitAll);
  $('panel-close').addEventListener('click', () => closePanel());
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && !$('panel').hidden && !(ev.target === $('entity-input') && !$('entity-suggestions').hidden)) closePanel();
  });
  window.addEventListener('popstate', () => {
    readUrl();
    syncForm();
    resolveEntityNames();
    loadTimeline({ keepWindow: true });
  });
}

// ---------------------------------------------------------------- start

function start() {
  readUrl();
  wireForm();
  syncForm();
  loadDocuments();
  resolveEntityNames();
  loadTimeline({ keepWindow: true });
}

start();
