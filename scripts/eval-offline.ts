/**
 * Offline quality check: runs the text pipeline in memory over a folder with catalog.yaml (the
 * seed corpus by default), resolves entities across documents the way the ingest does (earlier
 * documents' entities are passed as ctx.known; statements of earlier documents with claims are
 * contradiction candidates), builds an archive snapshot and scores it against gold.json.
 *
 *   npx tsx scripts/eval-offline.ts [FOLDER] [--gold FILE] [--verbose] [--json] [--bench N]
 *
 * Documents go through the real ingest stage (`collectSources` + `prepareDocument` from src/ingest:
 * HTML, Markdown, front matter, catalog metadata, furniture cleaning), in the ingest's order, so the
 * text and publication date are the ones the archive stores. Documents are matched to gold by
 * their path relative to the folder (the archive's identity may be a url).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectSources, prepareDocument } from '../src/ingest';
import { loadAuthorities } from '../src/extract/authorities';
import { detectContradictions } from '../src/extract/contradictions';
import { extract } from '../src/extract/pipeline';
import type { EntityRecord, ExtractContext, Extraction, StatementRecord } from '../src/extract/types';
import { formatReport, score, type ArchiveSnapshot, type GoldFile, type SnapshotDocument, type SnapshotEntity } from '../src/eval/score';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--gold', '--bench'].includes(args[i - 1])));
const folder = resolve(positional[0] ?? (existsSync('/work/shared/seeds/catalog.yaml') ? '/work/shared/seeds' : join(root, 'seeds')));
const goldFile = option('--gold') ?? join(folder, 'gold.json');
const benchRounds = Number(option('--bench') ?? 20);

const collected = await collectSources([folder]);
for (const f of collected.failures) console.error(`skipped ${f.path}: ${f.reason}`);
const prepared = collected.sources.flatMap((source) => {
  try {
    return [prepareDocument(source)];
  } catch (e) {
    console.error(`skipped ${source.path}: ${(e as Error).message}`);
    return [];
  }
});
const authoritiesFile = join(root, 'seeds', 'authorities.yaml');
const authorities = existsSync(authoritiesFile) ? loadAuthorities(readFileSync(authoritiesFile, 'utf8')) : [];

type Known = NonNullable<ExtractContext['known']>[number];
const known = new Map<string, Known>();
const remember = (entities: EntityRecord[]) => {
  for (const e of entities) {
    const k = known.get(e.key);
    if (!k) known.set(e.key, { key: e.key, kind: e.kind, name: e.name, aliases: [...e.aliases] });
    else for (const a of [e.name, ...e.aliases]) if (a !== k.name && !k.aliases.includes(a)) k.aliases.push(a);
  }
};

const docs: { file: string; text: string; published: string | null; x: Extraction; ms: number }[] = [];
const allStatements: StatementRecord[] = [];
const contradictions: { a: string; b: string }[] = [];
const t0 = performance.now();
for (const doc of prepared) {
  const text = doc.text;
  const published = doc.meta.published;
  const ctx: ExtractContext = { published, authorities, known: [...known.values()].map((k) => ({ ...k, aliases: [...k.aliases] })) };
  const t = performance.now();
  const x = extract(text, ctx);
  const ms = performance.now() - t;
  const candidates = allStatements.filter((s) => s.claims?.length);
  const cross = detectContradictions(x.statements, candidates);
  contradictions.push(...x.contradictions, ...cross);
  allStatements.push(...x.statements);
  remember(x.entities);
  docs.push({ file: doc.relPath ?? doc.path, text, published, x, ms });
}
const firstRunMs = performance.now() - t0;

// ------------------------------------------------------------------ snapshot
const entityOut = (key: string): SnapshotEntity | null => {
  const k = known.get(key);
  return k ? { id: k.key, kind: k.kind, name: k.name, aliases: k.aliases } : null;
};
const excerptsByKey = new Map<string, string[]>();
for (const d of docs) {
  for (const s of d.x.statements) {
    const list = excerptsByKey.get(s.key) ?? [];
    list.push(d.text.slice(s.evidence.start, s.evidence.end));
    excerptsByKey.set(s.key, list);
  }
}
const stmtByKey = new Map(allStatements.map((s) => [s.key, s]));
const documents: SnapshotDocument[] = docs.map((d) => ({
  file: d.file,
  statements: d.x.statements.map((s) => {
    const sp = s.speakerKey ? entityOut(s.speakerKey) : null;
    return {
      id: s.key,
      kind: s.kind,
      text: s.text,
      quote: s.quote,
      excerpts: [d.text.slice(s.evidence.start, s.evidence.end)],
      speaker: sp ? { name: sp.name, aliases: sp.aliases } : null,
      speakerText: s.speakerText,
      channel: s.channel,
      saidAt: s.saidAt,
    };
  }),
  entities: d.x.entities.map((e) => entityOut(e.key)!).filter(Boolean),
  timeline: [
    ...d.x.events.filter((e) => e.when).map((e) => ({ label: e.label, excerpts: [d.text.slice(e.evidence.start, e.evidence.end)], at: e.when! })),
    ...d.x.statements.filter((s) => s.saidAt).map((s) => ({ label: s.text, excerpts: [d.text.slice(s.evidence.start, s.evidence.end)], at: s.saidAt! })),
  ],
}));
const ref = (key: string) => {
  const s = stmtByKey.get(key);
  return { text: s?.text ?? '', quote: s?.quote ?? null, excerpts: excerptsByKey.get(key) ?? [] };
};
const snapshot: ArchiveSnapshot = {
  documents,
  entities: [...known.values()].map((k) => ({ id: k.key, kind: k.kind, name: k.name, aliases: k.aliases })),
  contradictions: contradictions.map((c) => ({ a: ref(c.a), b: ref(c.b) })),
};

// ------------------------------------------------------------------ timing (after warm-up)
const times: number[] = [];
let bytes = 0;
for (let r = 0; r < benchRounds; r++) {
  for (const d of docs) {
    const ctx: ExtractContext = { published: d.published, authorities, known: [...known.values()] };
    const t = performance.now();
    extract(d.text, ctx);
    if (r > 1) {
      times.push(performance.now() - t);
      bytes += Buffer.byteLength(d.text);
    }
  }
}
const total = times.reduce((a, b) => a + b, 0);
const msPer3k = bytes ? (total / bytes) * 3072 : NaN;

if (flag('--json')) {
  const gold = existsSync(goldFile) ? (JSON.parse(readFileSync(goldFile, 'utf8')) as GoldFile) : null;
  console.log(JSON.stringify({ report: gold ? score(gold, snapshot) : null, snapshot, timing: { firstRunMs, msPer3k } }, null, 2));
} else {
  if (flag('--dump')) {
    for (const d of docs) {
      console.log(`\n=== ${d.file}`);
      for (const e of d.x.entities) console.log(`  E ${e.kind.padEnd(12)} ${e.key}  "${e.name}"  [${e.aliases.join(' | ')}]${e.role ? ' (role)' : ''}${e.country ? ` ${e.country}` : ''}`);
      for (const s of d.x.statements)
        console.log(
          `  S ${s.kind.padEnd(8)} ${s.speakerKey ?? '-'} <${s.speakerText ?? ''}> [${s.channel ?? ''}] ${s.saidAt?.edtf ?? '-'}${s.saidInKey ? ` @${s.saidInKey}` : ''} :: ${s.text.slice(0, 90)}${s.claims?.length ? `  CLAIMS ${JSON.stringify(s.claims)}` : ''}`,
        );
      for (const e of d.x.events) console.log(`  V ${e.type.padEnd(12)} ${e.when?.edtf ?? '-'} :: ${e.label.slice(0, 80)}`);
    }
    console.log('\ncontradictions:');
    for (const c of contradictions) console.log(`  ${ref(c.a).text.slice(0, 50)}  <>  ${ref(c.b).text.slice(0, 50)}`);
  }
  if (existsSync(goldFile)) {
    const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldFile;
    console.log(formatReport(score(gold, snapshot), { verbose: flag('--verbose') }));
  } else console.log(`no gold file at ${goldFile}; extraction only`);
  console.log(
    `\n${docs.length} documents; first run (incl. gazetteer load) ${firstRunMs.toFixed(0)} ms; after warm-up ${msPer3k.toFixed(1)} ms per 3 KB`,
  );
}
