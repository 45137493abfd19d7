/**
 * The timeline page and the exports on the HTTP server:
 *   GET /                       the timeline page (web/index.html)
 *   GET /assets/...             the page's files from web/, and vis-timeline from node_modules
 *   GET /export/timelinejs|csv|jsonld?entity=&document=&from=&to=   the filtered timeline in that format
 * Files are read with node:fs; only names under web/ (no dot segments) and two vendor files are served.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROJECT_ROOT } from '../config';
import { renderExport } from '../export';
import { ExportInputError, parseExportFilter, type RawExportQuery } from '../export/filter';
import { TimelineQueryError } from '../export/graphql-source';
import { EXPORT_FORMATS, type ExportFormat, type TimelineSource } from '../export/types';

export interface WebDeps {
  timeline: TimelineSource;
  /** Where the page's files are (default: web/ in the project). */
  webDir?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Nothing but the server itself: scripts, styles, fetches and images from this origin only. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

function visTimelineDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('vis-timeline/package.json'));
  } catch {
    return join(PROJECT_ROOT, 'node_modules', 'vis-timeline');
  }
}

function vendorFiles(): Record<string, string> {
  const vis = visTimelineDir();
  return {
    'vis-timeline-graph2d.min.js': join(vis, 'standalone', 'umd', 'vis-timeline-graph2d.min.js'),
    'vis-timeline-graph2d.min.js.map': join(vis, 'standalone', 'umd', 'vis-timeline-graph2d.min.js.map'),
    'vis-timeline-graph2d.min.css': join(vis, 'styles', 'vis-timeline-graph2d.min.css'),
    'vis-timeline-graph2d.min.css.map': join(vis, 'styles', 'vis-timeline-graph2d.min.css.map'),
  };
}

const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** The file under root that an /assets/ path names, or null for anything else (dot segments, odd characters, escapes). */
export function safeAssetPath(root: string, rel: string): string | null {
  if (!rel || rel.length > 200 || rel.includes('\\') || rel.includes('\0')) return null;
  const segments = rel.split('/');
  if (!segments.every((s) => SAFE_SEGMENT.test(s) && s !== '.' && s !== '..' && !s.includes('..'))) return null;
  const base = resolve(root);
  const full = resolve(base, ...segments);
  return full.startsWith(base + sep) ? full : null;
}

async function sendFile(req: FastifyRequest, reply: FastifyReply, path: string, cache: 'no-cache' | 'long'): Promise<FastifyReply> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return reply.code(404).type('application/json; charset=utf-8').send({ error: 'not found', code: 'NOT_FOUND' });
  }
  if (!info.isFile()) return reply.code(404).type('application/json; charset=utf-8').send({ error: 'not found', code: 'NOT_FOUND' });
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  reply.header('ETag', etag);
  reply.header('Cache-Control', cache === 'long' ? 'public, max-age=86400' : 'no-cache');
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.type(CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream');
  if (req.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(await readFile(path));
}

function badInput(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(400).type('application/json; charset=utf-8').send({ error: message, code: 'BAD_USER_INPUT' });
}

export async function registerWeb(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const webDir = resolve(deps.webDir ?? join(PROJECT_ROOT, 'web'));
  const vendor = vendorFiles();

  app.get('/', async (req, reply) => {
    reply.header('Content-Security-Policy', PAGE_CSP);
    reply.header('Referrer-Policy', 'no-referrer');
    return sendFile(req, reply, join(webDir, 'index.html'), 'no-cache');
  });

  app.get('/assets/vendor/:name', async (req, reply) => {
    const { name } = req.params as { name: string };
    const file = Object.hasOwn(vendor, name) ? vendor[name] : undefined;
    if (!file) return reply.code(404).type('application/json; charset=utf-8').send({ error: 'not found', code: 'NOT_FOUND' });
    return sendFile(req, reply, file, 'long');
  });

  app.get('/assets/*', async (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    const file = safeAssetPath(webDir, rel);
    if (!file || file === join(webDir, 'index.html')) return reply.code(404).type('application/json; charset=utf-8').send({ error: 'not found', code: 'NOT_FOUND' });
    return sendFile(req, reply, file, 'no-cache');
  });

  for (const format of EXPORT_FORMATS) {
    app.get(`/export/${format}`, async (req, reply) => {
      const query = (req.query ?? {}) as RawExportQuery & Record<string, unknown>;
      const unknown = Object.keys(query).filter((k) => !['entity', 'document', 'from', 'to'].includes(k));
      if (unknown.length) return badInput(reply, `unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (use entity, document, from, to)`);
      let filter;
      try {
        filter = parseExportFilter(query);
      } catch (e) {
        if (e instanceof ExportInputError) return badInput(reply, e.message);
        throw e;
      }
      try {
        const entries = await deps.timeline.fetchTimeline(filter);
        const out = renderExport(format as ExportFormat, entries);
        reply.header('Content-Disposition', `inline; filename="annals-timeline.${out.extension}"`);
        reply.header('X-Content-Type-Options', 'nosniff');
        reply.header('Cache-Control', 'no-store');
        return reply.code(200).type(out.contentType).send(out.body);
      } catch (e) {
        if (e instanceof TimelineQueryError) {
          if (e.code === 'BAD_USER_INPUT') return badInput(reply, e.message);
          if (e.code === 'DATABASE_UNAVAILABLE') return reply.code(503).type('application/json; charset=utf-8').send({ error: 'The database is not available; try again shortly.', code: e.code });
          req.log.error({ err: e }, 'export failed');
          return reply.code(500).type('application/json; charset=utf-8').send({ error: 'The export failed.', code: e.code });
        }
        req.log.error({ err: e }, 'export failed');
        return reply.code(500).type('application/json; charset=utf-8').send({ error: 'The export failed.', code: 'INTERNAL_SERVER_ERROR' });
      }
    });
  }
}
