/**
 * HTML → article text with htmlparser2, by general rules:
 *  - the text is taken from the page's single <article> (or single <main>) when there is one, else <body>;
 *  - page furniture is dropped: script, style, nav, aside, figure/figcaption, forms, embedded media,
 *    page-level header/footer, elements hidden or marked as navigation/banner/complementary,
 *    and elements whose class or id names a conventional furniture block (share, related, newsletter, ...);
 *  - block elements become paragraph breaks, <br> and list items line breaks, other whitespace one space.
 * Metadata (title, url, publication date, publisher, language) comes from <meta>, <link rel=canonical>,
 * JSON-LD, <time>, <title> and the first <h1>.
 */
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import { normalizeDate } from './meta.js';

type DomDocument = ReturnType<typeof parseDocument>;
type DomNode = DomDocument['children'][number];
type DomElement = Extract<DomNode, { attribs: Record<string, string> }>;
type DomText = Extract<DomNode, { type: typeof ElementType.Text }>;

const isElement = (n: DomNode): n is DomElement => ElementType.isTag(n) && 'attribs' in n;
const isTextNode = (n: DomNode): n is DomText => n.type === ElementType.Text;
const childrenOf = (n: DomNode): DomNode[] => ('children' in n && Array.isArray(n.children) ? (n.children as DomNode[]) : []);
/** Whether `inner` lies inside `outer`. */
function contains(outer: DomNode, inner: DomNode): boolean {
  for (let p = inner.parent as DomNode | null; p; p = p.parent as DomNode | null) if (p === outer) return true;
  return false;
}

export interface HtmlMeta {
  title: string | null;
  url: string | null;
  /** YYYY-MM-DD (or shorter) from the page's metadata. */
  published: string | null;
  publisher: string | null;
  language: string | null;
  author: string | null;
}

export interface HtmlExtract {
  text: string;
  meta: HtmlMeta;
}

/** Elements whose content is never article text. */
const DROP = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'aside', 'figure', 'figcaption', 'form', 'button',
  'select', 'option', 'textarea', 'input', 'label', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'picture', 'img', 'map', 'dialog', 'menu', 'title', 'meta', 'link',
]);

/** Dropped unless inside the article (an article's own header holds its headline). */
const DROP_OUTSIDE_ARTICLE = new Set(['header']);

const DROP_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar']);

/** Class/id words conventionally naming page furniture. A name matches when it is the word or starts/ends with it ("share-bar", "article-related"). */
const FURNITURE_NAMES = [
  'share', 'sharing', 'social', 'related', 'newsletter', 'subscribe', 'subscription', 'cookie', 'cookies', 'consent',
  'comments', 'comment', 'breadcrumb', 'breadcrumbs', 'advert', 'advertisement', 'ad', 'ads', 'promo', 'paywall',
  'sidebar', 'recommended', 'outbrain', 'taboola', 'byline-share', 'tags', 'pagination', 'skip-link', 'sr-only',
  'visually-hidden', 'caption', 'credit',
];
const FURNITURE_RE = new RegExp(`^(?:${FURNITURE_NAMES.join('|')})(?:[-_].*)?$|^.*[-_](?:${FURNITURE_NAMES.join('|')})$`, 'i');

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl',
  'blockquote', 'pre', 'table', 'address', 'hr', 'details', 'summary', 'center', 'fieldset', 'body', 'html', 'hgroup',
]);
const LINE = new Set(['br', 'li', 'tr', 'dt', 'dd', 'caption']);

function attr(el: DomElement, name: string): string | null {
  const v = el.attribs[name];
  return v === undefined ? null : v;
}

function isHidden(el: DomElement): boolean {
  if (attr(el, 'hidden') !== null) return true;
  if (attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

/** Class/id names of page-level blocks (dropped outside the article only). */
const PAGE_BLOCK_RE =
  /^(?:header|footer|masthead|navbar|nav|navigation|menu|topbar|banner|site-header|site-footer|page-header|page-footer|global-header|global-footer|site-nav|main-nav)$/i;

function isFurnitureBlock(el: DomElement, inArticle: boolean): boolean {
  if (DROP.has(el.name)) return true;
  if (!inArticle && DROP_OUTSIDE_ARTICLE.has(el.name)) return true;
  if (el.name === 'footer') return true;
  if (isHidden(el)) return true;
  const role = attr(el, 'role');
  if (role && (DROP_ROLES.has(role) || (role === 'banner' && !inArticle))) return true;
  const names = [...(attr(el, 'class') ?? '').split(/\s+/), attr(el, 'id') ?? ''].filter(Boolean);
  if (!inArticle && names.some((n) => PAGE_BLOCK_RE.test(n))) return true;
  return names.some((n) => FURNITURE_RE.test(n));
}

const textOf = (n: DomNode | DomNode[]): string => DomUtils.textContent(n).replace(/\s+/g, ' ').trim();

function findAll(root: DomDocument, test: (el: DomElement) => boolean): DomElement[] {
  return DomUtils.findAll((el) => test(el as DomElement), root.children) as DomElement[];
}

/** datePublished / headline / url / publisher from JSON-LD blocks. */
function jsonLd(doc: DomDocument): Partial<Record<'published' | 'title' | 'url' | 'publisher' | 'author', string>> {
  const out: Partial<Record<'published' | 'title' | 'url' | 'publisher' | 'author', string>> = {};
  const scripts = findAll(doc, (el) => el.name === 'script' && /ld\+json/i.test(attr(el, 'type') ?? ''));
  const visit = (v: unknown, depth: number) => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const type = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
    if (type.some((t) => /Article|Posting|Report|NewsArticle|WebPage|Blog/i.test(t))) {
      if (!out.published && typeof o.datePublished === 'string') out.published = o.datePublished;
      if (!out.title && typeof o.headline === 'string') out.title = o.headline;
      if (!out.url && typeof o.url === 'string') out.url = o.url;
      const pub = o.publisher as Record<string, unknown> | undefined;
      if (!out.publisher && pub && typeof pub === 'object' && typeof pub.name === 'string') out.publisher = pub.name;
      const au = ([] as unknown[]).concat(o.author ?? [])[0] as Record<string, unknown> | string | undefined;
      if (!out.author && au) out.author = typeof au === 'string' ? au : typeof au.name === 'string' ? au.name : undefined;
    }
    if (o['@graph']) visit(o['@graph'], depth + 1);
    if (o.mainEntity) visit(o.mainEntity, depth + 1);
  };
  for (const s of scripts) {
    try {
      visit(JSON.parse(DomUtils.textContent(s)), 0);
    } catch {
      /* a broken JSON-LD block is ignored */
    }
  }
  return out;
}

function extractMeta(doc: DomDocument): HtmlMeta {
  const metas = new Map<string, string>();
  for (const el of findAll(doc, (e) => e.name === 'meta')) {
    const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? '').toLowerCase().trim();
    const content = attr(el, 'content');
    if (key && content && content.trim() && !metas.has(key)) metas.set(key, content.trim());
  }
  const ld = jsonLd(doc);
  const first = (...keys: string[]) => {
    for (const k of keys) {
      const v = metas.get(k);
      if (v) return v;
    }
    return null;
  };
  const h1 = findAll(doc, (e) => e.name === 'h1').map((e) => textOf(e)).find((t) => t !== '') ?? null;
  const titleEl = findAll(doc, (e) => e.name === 'title')[0];
  const title = first('og:title', 'twitter:title') ?? ld.title ?? h1 ?? (titleEl ? textOf(titleEl) || null : null);

  const canonical = findAll(doc, (e) => e.name === 'link' && /(^|\s)canonical(\s|$)/i.test(attr(e, 'rel') ?? ''))[0];
  const urlCandidates = [first('og:url'), canonical ? attr(canonical, 'href') : null, ld.url ?? null];
  const url = urlCandidates.find((u): u is string => !!u && /^https?:\/\/\S+$/i.test(u.trim()))?.trim() ?? null;

  const timeEl = findAll(doc, (e) => e.name === 'time' && (attr(e, 'pubdate') !== null || attr(e, 'itemprop') === 'datePublished'))[0];
  const dateCandidates = [
    first('article:published_time', 'og:article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate',
      'publish-date', 'publication_date', 'dc.date.issued', 'dc.date', 'dcterms.issued', 'dcterms.created', 'dcterms.date',
      'parsely-pub-date', 'sailthru.date'),
    ld.published ?? null,
    timeEl ? attr(timeEl, 'datetime') : null,
  ];
  let published: string | null = null;
  for (const c of dateCandidates) {
    const d = c ? normalizeDate(c) : null;
    if (d) {
      published = d;
      break;
    }
  }
  const htmlEl = findAll(doc, (e) => e.name === 'html')[0];
  const lang = (htmlEl ? attr(htmlEl, 'lang') : null) ?? first('og:locale', 'language', 'content-language');
  const language = lang && /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(lang.trim()) ? lang.trim().replace(/_/g, '-') : null;

  return {
    title: title ? title.replace(/\s+/g, ' ').trim() || null : null,
    url,
    published,
    publisher: first('og:site_name', 'application-name', 'publisher') ?? ld.publisher ?? null,
    language,
    author: first('author', 'article:author', 'byl', 'parsely-author') ?? ld.author ?? null,
  };
}

/** The element the article text is taken from. */
function contentRoot(doc: DomDocument): { root: DomNode[]; inArticle: boolean } {
  const visible = (els: DomElement[]) => els.filter((e) => !isHidden(e));
  const articles = visible(findAll(doc, (e) => e.name === 'article'));
  // nested <article>s (comments, embedded cards) inside one outer article count as one
  const outer = articles.filter((a) => !articles.some((b) => b !== a && contains(b, a)));
  if (outer.length === 1) return { root: [outer[0]!], inArticle: true };
  const mains = visible(findAll(doc, (e) => e.name === 'main' || attr(e, 'role') === 'main'));
  const outerMain = mains.filter((a) => !mains.some((b) => b !== a && contains(b, a)));
  if (outerMain.length === 1) return { root: [outerMain[0]!], inArticle: true };
  const body = findAll(doc, (e) => e.name === 'body')[0];
  return { root: body ? [body] : doc.children, inArticle: false };
}

/** Extracts the article text and the page's metadata. */
export function htmlToText(html: string): HtmlExtract {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const meta = extractMeta(doc);
  const { root, inArticle } = contentRoot(doc);

  const out: string[] = [];
  let pending = 0; // newlines owed before the next text
  let atStart = true;
  const brk = (n: number) => {
    if (!atStart) pending = Math.max(pending, n);
  };
  const emit = (s: string) => {
    if (s === '') return;
    if (pending) {
      out.push('\n'.repeat(pending));
      pending = 0;
    }
    out.push(s);
    atStart = false;
  };

  const render = (node: DomNode, inArt: boolean, pre: boolean, isRoot: boolean) => {
    if (isTextNode(node)) {
      const t = pre ? node.data : node.data.replace(/[ \t\n\r\f]+/g, ' ');
      emit(t);
      return;
    }
    if (!isElement(node)) {
      if (node.type === ElementType.CDATA) for (const c of childrenOf(node)) render(c, inArt, pre, false);
      return;
    }
    const el = node;
    if (!isRoot && isFurnitureBlock(el, inArt)) return;
    const name = el.name;
    const nowInArticle = inArt || name === 'article' || name === 'main';
    if (name === 'br') {
      brk(1);
      return;
    }
    const block = BLOCK.has(name) ? 2 : LINE.has(name) ? 1 : 0;
    if (block) brk(block);
    if (name === 'td' || name === 'th') emit(' ');
    for (const c of childrenOf(el)) render(c, nowInArticle, pre || name === 'pre', false);
    if (block) brk(block);
  };
  for (const n of root) render(n, inArticle, false, true);

  // Tidy whitespace the markup introduced: spaces at line ends and starts, blank-only lines.
  const text = out
    .join('')
    .split('\n')
    .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, meta };
}
