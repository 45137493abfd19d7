import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAuthorities } from '../../src/extract/authorities';
import { detectContradictions } from '../../src/extract/contradictions';
import { extract, runStages, STAGES } from '../../src/extract/pipeline';
import type { ExtractContext, Extraction, StatementRecord } from '../../src/extract/types';

const authorities = loadAuthorities(readFileSync(new URL('../../seeds/authorities.yaml', import.meta.url), 'utf8'));
const seed = (file: string) =>
  readFileSync(new URL(`../../seeds/documents/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => !/^(?:Previous|Next) /.test(l) && !l.includes(' Photo: '))
    .join('\n');
const FILES = ['000_3eef5064c7fd04ad.txt', '001_45916d2d92ddb653.txt', '002_25fd356c01da8ff1.txt'];
const haveSeeds = FILES.every((f) => existsSync(new URL(`../../seeds/documents/${f}`, import.meta.url)));

/** Runs the seed corpus the way the ingest does: known entities and contradiction candidates accumulate. */
function runCorpus() {
  const known: NonNullable<ExtractContext['known']> = [];
  const all: StatementRecord[] = [];
  const out: { x: Extraction; text: string; cross: ReturnType<typeof detectContradictions> }[] = [];
  for (const f of FILES) {
    const text = seed(f);
    const x = extract(text, { published: '2022-03-02', authorities, known: known.map((k) => ({ ...k })) });
    const cross = detectContradictions(x.statements, all.filter((s) => s.claims?.length));
    all.push(...x.statements);
    for (const e of x.entities) {
      const k = known.find((y) => y.key === e.key);
      if (!k) known.push({ key: e.key, kind: e.kind, name: e.name, aliases: [...e.aliases] });
      else for (const a of [e.name, ...e.aliases]) if (!k.aliases.includes(a) && a !== k.name) k.aliases.push(a);
    }
    out.push({ x, text, cross });
  }
  return { docs: out, known };
}

describe('pipeline', () => {
  it('lists its stages in one ordered place', () => {
    expect(STAGES.map((s) => s.name)).toEqual(['segment', 'entities', 'resolve', 'times', 'statements', 'events', 'contradictions']);
  });

  it('runs any prefix of the stages as pure functions of the text and context', () => {
    const ctx: ExtractContext = { published: '2024-01-01', authorities: [] };
    const s = runStages('Maria Lopez said the bridge was open.', ctx, STAGES.slice(0, 3));
    expect(s.sentences).toHaveLength(1);
    expect(s.entities.map((e) => e.name)).toEqual(['Maria Lopez']);
    expect(s.statements).toEqual([]);
    expect(extract('Maria Lopez said the bridge was open.', ctx)).toEqual(extract('Maria Lopez said the bridge was open.', ctx));
  });

  it('returns empty results for an empty text', () => {
    expect(extract('', { published: null, authorities: [] })).toEqual({ sentences: [], times: [], entities: [], statements: [], events: [], contradictions: [] });
  });

  it('keeps every offset inside the text', () => {
    const text = '“We stand firm,” the mayor of Springfield said on Tuesday.\n\nUkrainian authorities said 12 people were hurt.';
    const x = extract(text, { published: '2024-01-10', authorities: [] });
    for (const s of x.statements) expect(text.slice(s.evidence.start, s.evidence.end).length).toBeGreaterThan(0);
    for (const e of x.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe.skipIf(!haveSeeds)('pipeline on the seed corpus', () => {
  const { docs, known } = runCorpus();
  const speaker = (x: Extraction, words: string) => {
    const s = x.statements.find((y) => y.text.includes(words));
    return x.entities.find((e) => e.key === s?.speakerKey)?.name ?? null;
  };

  it('attributes quotations and reports to the people and bodies that made them', () => {
    expect(speaker(docs[0].x, 'Throughout our history')).toBe('Joe Biden');
    expect(speaker(docs[0].x, 'fully hold Kherson')).toBe('Russian Defense Ministry');
    expect(speaker(docs[0].x, 'heavy shelling')).toBe('Mayor of Mariupol');
    expect(speaker(docs[1].x, 'We are still Ukraine')).toBe('Mayor of Kherson');
    expect(speaker(docs[1].x, 'The enemy is massing')).toBe('Vitaliy Klitschko');
    expect(speaker(docs[2].x, 'We recognize')).toBe('John Kirby');
    expect(speaker(docs[2].x, 'I am on the subway')).toBeNull();
  });

  it('links spelling variants and roles across documents', () => {
    const z = known.filter((k) => [k.name, ...k.aliases].some((n) => /zelensk/i.test(n)) && !/\bto\b/.test(k.name));
    expect(z).toHaveLength(1);
    expect(z[0].aliases.join('|')).toMatch(/Zelenskiy/);
    expect(known.filter((k) => k.name === 'Mayor of Kherson')).toHaveLength(1);
    expect(docs[2].x.entities.find((e) => e.name === 'Russian Defense Ministry')?.key).toBe(docs[0].x.entities.find((e) => e.name === 'Russian Defense Ministry')?.key);
  });

  it('finds the contradictions within and across documents', () => {
    expect(docs[0].x.contradictions.length).toBeGreaterThan(0);
    const texts = docs[1].cross.map((c) => [c.a, c.b]);
    expect(texts.length).toBeGreaterThan(0);
  });

  it('scores on target against the gold file when it is available', async () => {
    const goldPath = '/work/shared/seeds/gold.json';
    if (!existsSync(goldPath)) return;
    const { score } = await import('../../src/eval/score');
    const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
    const snapshot = {
      documents: docs.map((d, i) => ({
        file: `documents/${FILES[i]}`,
        statements: d.x.statements.map((s) => {
          const k = known.find((e) => e.key === s.speakerKey);
          return { kind: s.kind, text: s.text, quote: s.quote, excerpts: [d.text.slice(s.evidence.start, s.evidence.end)], speaker: k ? { name: k.name, aliases: k.aliases } : null, channel: s.channel, saidAt: s.saidAt };
        }),
        entities: d.x.entities.map((e) => ({ ...known.find((k) => k.key === e.key)!, id: e.key })),
        timeline: [
          ...d.x.events.filter((e) => e.when).map((e) => ({ excerpts: [d.text.slice(e.evidence.start, e.evidence.end)], at: e.when! })),
          ...d.x.statements.filter((s) => s.saidAt).map((s) => ({ excerpts: [d.text.slice(s.evidence.start, s.evidence.end)], at: s.saidAt! })),
        ],
      })),
      entities: known.map((k) => ({ ...k, id: k.key })),
      contradictions: docs.flatMap((d) => [...d.x.contradictions, ...d.cross]).map((c) => {
        const find = (key: string) => {
          for (const d of docs) {
            const s = d.x.statements.find((y) => y.key === key);
            if (s) return { text: s.text, quote: s.quote, excerpts: [d.text.slice(s.evidence.start, s.evidence.end)] };
          }
          return { text: '', quote: null, excerpts: [] };
        };
        return { a: find(c.a), b: find(c.b) };
      }),
    };
    const report = score(gold, snapshot);
    for (const m of report.metrics) if (m.target !== undefined && m.value !== null) expect(m.value, m.name).toBeGreaterThanOrEqual(m.target);
  });
});
