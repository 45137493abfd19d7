/**
 * npm run eval -- --gold FILE DOCS_DIR [--json] [--verbose]
 *
 * Ingests DOCS_DIR into a scratch Neo4j (a private instance in a temporary folder, removed
 * afterwards), reads back what the archive extracted through the GraphQL API, and prints
 * precision and recall per category against a gold file shaped like shared/seeds/gold.json.
 * This command and the tests are the only code that reads a gold file.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, start, stop } from '../src/db/local-neo4j';
import { Executor } from '../src/graph/executor';
import { migrate } from '../src/graph/migrations';
import { createServices, type Services } from '../src/services';
import { ingestPaths } from '../src/services/ingest.service';
import { executeGraphQL } from '../src/api/execute';
import { describeError } from '../src/errors';
import { formatReport, score, type ArchiveSnapshot, type GoldFile, type SnapshotSpan, type SnapshotStatementRef } from '../src/eval/score';

type Any = any; // GraphQL results are read field by field below

async function q(services: Services, query: string, variables: Record<string, unknown> = {}): Promise<Any> {
  const r = await executeGraphQL(services, query, variables);
  if (r.errors?.length) throw new Error(`GraphQL: ${r.errors[0].message}`);
  return r.data;
}

/** Every node of a connection, page by page. */
async function all(services: Services, query: string, path: string, variables: Record<string, unknown> = {}): Promise<Any[]> {
  const out: Any[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await q(services, query, { ...variables, after });
    const conn = path.split('.').reduce((o: Any, k) => o[k], data);
    out.push(...conn.nodes);
    if (!conn.pageInfo.hasNextPage) return out;
    after = conn.pageInfo.endCursor;
  }
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
const span = (s: Any): SnapshotSpan | null => (s ? { earliest: iso(s.earliest), latest: iso(s.latest), edtf: s.edtf } : null);

const STATEMENT_FIELDS = `id kind text quote speakerText channel saidAt { edtf earliest latest }
  speaker { name aliases } evidence { excerpt document { id } }`;

export async function snapshot(services: Services): Promise<ArchiveSnapshot> {
  const docs = await all(services, 'query($after: String) { documents(first: 100, after: $after) { nodes { id identity path entities { id kind name aliases } } pageInfo { hasNextPage endCursor } } }', 'documents');
  const documents = [];
  for (const d of docs) {
    const statements = await all(
      services,
      `query($d: ID!, $after: String) { statements(filter: { documentIds: [$d] }, first: 500, after: $after) { nodes { ${STATEMENT_FIELDS} } pageInfo { hasNextPage endCursor } } }`,
      'statements',
      { d: d.id },
    );
    const timeline = await all(
      services,
      `query($d: ID!, $after: String) { timeline(filter: { documentIds: [$d] }, first: 500, after: $after) {
         nodes { at { edtf earliest latest } item { ... on Event { label evidence { excerpt document { id } } } ... on Statement { text evidence { excerpt document { id } } } } }
         pageInfo { hasNextPage endCursor } } }`,
      'timeline',
      { d: d.id },
    );
    const inDoc = (ev: Any[]) => ev.filter((e) => e.document.id === d.id).map((e) => e.excerpt as string);
    documents.push({
      file: (d.path ?? d.identity) as string,
      entities: d.entities.map((e: Any) => ({ id: e.id, kind: e.kind, name: e.name, aliases: e.aliases })),
      statements: statements.map((s: Any) => ({
        id: s.id,
        kind: s.kind,
        text: s.text,
        quote: s.quote,
        excerpts: inDoc(s.evidence),
        speaker: s.speaker ? { name: s.speaker.name, aliases: s.speaker.aliases } : null,
        speakerText: s.speakerText,
        channel: s.channel,
        saidAt: span(s.saidAt),
      })),
      timeline: timeline.map((t: Any) => ({ label: t.item.label ?? t.item.text, excerpts: inDoc(t.item.evidence), at: span(t.at)! })),
    });
  }
  const entities = await all(
    services,
    'query($after: String) { entities(first: 500, after: $after) { nodes { id kind name aliases } pageInfo { hasNextPage endCursor } } }',
    'entities',
  );
  const withContradictions = await all(
    services,
    `query($after: String) { statements(first: 500, after: $after) { nodes { text quote evidence { excerpt } contradicts { text quote evidence { excerpt } } } pageInfo { hasNextPage endCursor } } }`,
    'statements',
  );
  const ref = (s: Any): SnapshotStatementRef => ({ text: s.text, quote: s.quote, excerpts: s.evidence.map((e: Any) => e.excerpt) });
  const contradictions = withContradictions.flatMap((s: Any) => s.contradicts.map((c: Any) => ({ a: ref(s), b: ref(c) })));
  return { documents, entities: entities.map((e: Any) => ({ id: e.id, kind: e.kind, name: e.name, aliases: e.aliases })), contradictions };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { gold: { type: 'string' }, json: { type: 'boolean' }, verbose: { type: 'boolean', short: 'v' } },
  });
  if (!values.gold || positionals.length !== 1) {
    console.error('usage: npm run eval -- --gold FILE DOCS_DIR [--json] [--verbose]');
    return 2;
  }
  let gold: GoldFile;
  try {
    gold = JSON.parse(readFileSync(values.gold, 'utf8')) as GoldFile;
    if (!Array.isArray(gold.documents)) throw new Error('it has no "documents" list');
  } catch (e) {
    console.error(`annals eval: cannot read the gold file ${values.gold}: ${(e as Error).message}`);
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), 'annals-eval-'));
  const password = 'annals-eval-password';
  const say = (m: string) => process.stderr.write(`annals eval: ${m}\n`);
  say('starting a scratch Neo4j ...');
  const info = await start({ dataDir: dir, port: await freePort(), password, heap: '512m', pageCache: '256m' });
  const executor = new Executor({ uri: info.uri, user: 'neo4j', password });
  try {
    await migrate(executor);
    const services = createServices(executor);
    const summary = await ingestPaths(services, positionals, { progress: !values.json && process.stderr.isTTY });
    for (const f of summary.failed) say(`failed: ${f.path}: ${f.reason}`);
    const report = score(gold, await snapshot(services));
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else console.log(formatReport(report, { verbose: values.verbose }));
    return 0;
  } finally {
    await executor.close();
    await stop(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`annals eval: ${describeError(e)}`);
    process.exit(1);
  },
);
