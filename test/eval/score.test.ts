import { describe, expect, it } from 'vitest';
import { datedTo, formatReport, nameMatches, period, score, type ArchiveSnapshot, type GoldFile, type SnapshotStatement } from '../../src/eval/score';

const day = (d: string) => ({ earliest: `${d}T00:00:00.000Z`, latest: `${d}T23:59:59.999Z`, edtf: d });
const stmt = (s: Partial<SnapshotStatement>): SnapshotStatement => ({ kind: 'QUOTE', text: '', quote: null, excerpts: [], speaker: null, channel: null, saidAt: null, ...s });

const gold: GoldFile = {
  documents: [
    {
      file: 'documents/a.txt',
      quotes: [
        { quote: 'we stand firm', speaker: ['lopez'], channel: ['facebook'], saidOn: '2024-03-06' },
        { quote: 'the end is near', speaker: null },
      ],
      reported: [{ cue: '40 people were rescued', speaker: ['un', 'united nations'], saidOn: '2024-03-05' }],
      entities: { PERSON: [['lopez']], ORGANIZATION: [['united nations', 'un']], PLACE: [['springfield']] },
      notEntities: ['jupiter'],
      events: [{ cue: 'in 2014', date: '2014' }],
    },
  ],
  links: [{ tokens: ['lopez'], kind: 'PERSON' }],
  contradictions: [{ a: '40 people were rescued', b: ['nobody was rescued'] }],
};

const snapshot: ArchiveSnapshot = {
  documents: [
    {
      file: '/data/corpus/documents/a.txt',
      statements: [
        stmt({ text: 'We stand firm, all of us', quote: 'We stand firm, all of us', speaker: { name: 'Maria Lopez', aliases: [] }, channel: 'Facebook', saidAt: day('2024-03-06') }),
        stmt({ text: 'The end is near', quote: 'The end is near', speaker: { name: 'Someone', aliases: [] } }),
        stmt({ text: 'Sea Lion', quote: 'Sea Lion' }),
        stmt({ kind: 'REPORTED', text: '40 people were rescued', excerpts: ['The UN said 40 people were rescued.'], speaker: { name: 'United Nations', aliases: ['UN'] }, saidAt: { earliest: '2024-03-01T00:00:00.000Z', latest: '2024-03-06T23:59:59.999Z' } }),
      ],
      entities: [
        { id: 'p1', kind: 'PERSON', name: 'Maria Lopez', aliases: [] },
        { id: 'o1', kind: 'ORGANIZATION', name: 'United Nations', aliases: ['UN'] },
        { id: 'x', kind: 'PLACE', name: 'Jupiter', aliases: [] },
      ],
      timeline: [{ excerpts: ['annexed in 2014'], at: { earliest: '2014-01-01T00:00:00.000Z', latest: '2014-12-31T23:59:59.999Z', edtf: '2014' } }],
    },
    { file: 'documents/b.txt', statements: [], entities: [{ id: 'p1', kind: 'PERSON', name: 'Maria Lopez', aliases: ['Lopez'] }], timeline: [] },
  ],
  entities: [],
  contradictions: [{ a: { text: 'nobody was rescued', quote: null, excerpts: [] }, b: { text: '40 people were rescued', quote: null, excerpts: [] } }],
};

const value = (name: string) => score(gold, snapshot).metrics.find((m) => m.name === name);

describe('matching helpers', () => {
  it('matches alternatives of 3 characters or fewer only as whole names', () => {
    expect(nameMatches(['un'], ['UN'])).toBe(true);
    expect(nameMatches(['un'], ['Union of Writers'])).toBe(false);
    expect(nameMatches(['zelensk'], ['Volodymyr Zelenskiy'])).toBe(true);
  });

  it('dates a span to a day, a month or a year', () => {
    expect(period('2022-02')).toEqual([Date.UTC(2022, 1, 1), Date.UTC(2022, 2, 1) - 1]);
    expect(datedTo(day('2022-03-02'), '2022-03-02')).toBe(true);
    expect(datedTo({ earliest: '2022-03-01T00:00:00.000Z', latest: '2022-03-02T23:59:59.999Z' }, '2022-03-02')).toBe(true);
    expect(datedTo({ earliest: '2022-02-20T00:00:00.000Z', latest: '2022-03-02T23:59:59.999Z' }, '2022-03-02')).toBe(false);
    expect(datedTo(day('2022-03-03'), '2022-03-02')).toBe(false);
    expect(datedTo(day('2014-06-01'), '2014')).toBe(true);
    expect(datedTo(null, '2014')).toBe(false);
  });
});

describe('score', () => {
  it('counts found quotes and judges speaker, date and channel on the tightest match', () => {
    expect(value('quotes.found')).toMatchObject({ hits: 2, total: 2 });
    expect(value('quotes.speaker')).toMatchObject({ hits: 1, total: 2 }); // an invented speaker for a null gold speaker is wrong
    expect(value('statements.channel')).toMatchObject({ hits: 1, total: 1 });
  });

  it('counts a quote as precise when it matches a gold quote or cue, and reports extras', () => {
    const m = value('quotes.precision')!;
    expect(m).toMatchObject({ hits: 2, total: 3 });
    expect(m.misses[0]).toMatch(/Sea Lion/);
  });

  it('requires a said-on span no wider than two days', () => {
    expect(value('statements.saidOn')).toMatchObject({ hits: 1, total: 2 });
  });

  it('scores reported statements, entities, boilerplate, events, links and contradictions', () => {
    expect(value('reported.found')).toMatchObject({ hits: 1, total: 1 });
    expect(value('reported.speaker')).toMatchObject({ hits: 1, total: 1 });
    expect(value('entities.all')).toMatchObject({ hits: 2, total: 3 });
    expect(value('notEntities')).toMatchObject({ hits: 0, total: 1 });
    expect(value('events.dates')).toMatchObject({ hits: 1, total: 1 });
    expect(value('links')).toMatchObject({ hits: 1, total: 1 });
    expect(value('contradictions')).toMatchObject({ hits: 1, total: 1 });
  });

  it('fails a link when documents hold the names under different entities', () => {
    const split = { ...snapshot, documents: [snapshot.documents[0], { ...snapshot.documents[1], entities: [{ id: 'p2', kind: 'PERSON' as const, name: 'Lopez', aliases: [] }] }] };
    expect(score(gold, split).metrics.find((m) => m.name === 'links')).toMatchObject({ hits: 0 });
  });

  it('scores an empty archive as nothing found', () => {
    const r = score(gold, { documents: [], entities: [], contradictions: [] });
    expect(r.metrics.find((m) => m.name === 'quotes.found')).toMatchObject({ hits: 0, total: 2, value: 0 });
  });

  it('formats a table with targets and, verbosely, the misses', () => {
    const text = formatReport(score(gold, snapshot), { verbose: true });
    expect(text).toMatch(/quotes\.found\s+2\/2\s+1\.00\s+0\.95\s+yes/);
    expect(text).toMatch(/- a\.txt: extra quote: Sea Lion/);
  });
});
