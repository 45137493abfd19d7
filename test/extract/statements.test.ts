import { describe, expect, it } from 'vitest';
import { loadAuthorities } from '../../src/extract/authorities';
import { extract } from '../../src/extract/pipeline';
import { detectChannel, statementKey } from '../../src/extract/statements';
import type { ExtractContext, Extraction, StatementRecord } from '../../src/extract/types';

const authorities = loadAuthorities(`
- name: United Nations
  kind: ORGANIZATION
  aliases: [UN, U.N.]
- name: United States
  kind: PLACE
  aliases: [US, U.S.]
  country: US
`);
const ctx: ExtractContext = { published: '2024-03-06', authorities };
const run = (text: string, c: Partial<ExtractContext> = {}) => extract(text, { ...ctx, ...c });
const speakerName = (x: Extraction, s: StatementRecord | undefined) => x.entities.find((e) => e.key === s?.speakerKey)?.name ?? null;
const byText = (x: Extraction, words: string) => x.statements.find((s) => s.text.includes(words));

describe('quotations', () => {
  it('attributes a quotation to the speaker named right after it', () => {
    const x = run('“We will rebuild every house,” Maria Lopez said.');
    const s = byText(x, 'rebuild');
    expect(s).toMatchObject({ kind: 'QUOTE', quote: 'We will rebuild every house', speakerText: 'Maria Lopez' });
    expect(speakerName(x, s)).toBe('Maria Lopez');
  });

  it('attributes an inverted attribution and a continuation in the next sentence', () => {
    const x = run('"It is a disaster," said Giulia Rossa, the mayor of Ferrara. "Entire streets are gone."');
    expect(speakerName(x, byText(x, 'disaster'))).toBe('Giulia Rossa');
    expect(speakerName(x, byText(x, 'streets'))).toBe('Giulia Rossa');
  });

  it('gives a participle the subject of its clause', () => {
    const x = run('Local authorities denied this, saying “the bridge still stands”.');
    expect(byText(x, 'bridge')?.speakerText).toBe('Local authorities');
  });

  it('resolves a pronoun to the person spoken of just before', () => {
    const x = run('Mayor Ivan Petrenko said Monday that the water was back. “The worst is over,” he said.');
    const s = byText(x, 'worst');
    expect(speakerName(x, s)).toBe('Ivan Petrenko');
    expect(s?.saidAt?.edtf).toBe('2024-03-04');
  });

  it('takes a standalone quotation from the previous paragraph when it describes a speech', () => {
    const x = run('In a televised address, President Ana Duarte said the country was united.\n\n“We forgive each other.”');
    const s = byText(x, 'forgive');
    expect(speakerName(x, s)).toBe('Ana Duarte');
    expect(s?.channel).toBe('televised address');
  });

  it('leaves a standalone quotation without a speaker when nothing ties it to the previous paragraph', () => {
    const x = run("The city's mayor said troops were patrolling the streets.\n\n“I am in the basement and the children are crying.”");
    const s = byText(x, 'basement');
    expect(s?.kind).toBe('QUOTE');
    expect(s?.speakerKey).toBeNull();
  });

  it('does not take a short unattributed phrase in quotes for a quotation', () => {
    const x = run('The ship, nicknamed “Sea Lion”, sailed at dawn.');
    expect(x.statements).toEqual([]);
  });

  it('keeps evidence offsets that slice the text exactly and cover the attribution', () => {
    const text = 'Other news.\n\n“We will rebuild,” Maria Lopez said on Tuesday.';
    const x = run(text);
    const s = byText(x, 'rebuild')!;
    expect(text.slice(s.evidence.start, s.evidence.end)).toBe('“We will rebuild,” Maria Lopez said on Tuesday.');
  });
});

describe('reported statements', () => {
  it('reads "X said (that) ..." with the date attached to the verb', () => {
    const x = run("The Interior Ministry said Tuesday that 40 people were rescued.");
    const s = byText(x, 'rescued');
    expect(s).toMatchObject({ kind: 'REPORTED', text: '40 people were rescued', quote: null });
    expect(s?.saidAt?.edtf).toBe('2024-03-05');
  });

  it('reads an end attribution and "according to"', () => {
    const x = run('Heavy shelling injured dozens, its mayor said. A deal is near, according to a senior Slovak diplomat.');
    expect(byText(x, 'shelling')?.speakerText).toBe('its mayor');
    const d = byText(x, 'deal');
    expect(d?.speakerText).toBe('a senior Slovak diplomat');
    expect(speakerName(x, d)).toBe('Senior Slovak diplomat');
  });

  it('falls back to an uncertain publication day when no date is stated', () => {
    const x = run('The UN has said that aid is blocked.');
    expect(byText(x, 'aid')?.saidAt).toMatchObject({ edtf: '2024-03-06?', earliest: '2024-03-06T00:00:00.000Z' });
    expect(run('The UN has said that aid is blocked.', { published: null }).statements[0].saidAt).toBeNull();
    expect(run('The UN has said that aid is blocked.', { published: '2024-03' }).statements[0].saidAt).toMatchObject({ edtf: '2024-03?', latest: '2024-03-31T23:59:59.999Z' });
  });

  it('resolves a national group to an organization named with the nationality, never to the country', () => {
    const x = run('Ukrainian authorities said the dam held. Russia’s defense ministry said it had struck a depot.');
    const a = byText(x, 'dam');
    const b = byText(x, 'depot');
    expect(x.entities.find((e) => e.key === a?.speakerKey)).toMatchObject({ kind: 'ORGANIZATION', name: 'Ukrainian authorities', country: 'UA' });
    expect(speakerName(x, b)).toBe('Russian Defense Ministry');
  });

  it('resolves "the company" to the organization named just before', () => {
    const x = run('Acme Corporation recalled its phones on Monday. The company said no one was hurt.');
    expect(speakerName(x, byText(x, 'no one'))).toBe('Acme Corporation');
  });

  it('leaves anonymous generic speakers unresolved but keeps their words', () => {
    const x = run('Witnesses said the convoy turned back.');
    expect(byText(x, 'convoy')).toMatchObject({ speakerKey: null, speakerText: 'Witnesses' });
  });

  it('names unnamed role speakers from their words and owners', () => {
    const x = run("President Ana Duarte's spokesman said talks were possible. An adviser to President Ana Duarte said a team had left.");
    expect(speakerName(x, byText(x, 'talks'))).toBe('Spokesman for Ana Duarte');
    expect(speakerName(x, byText(x, 'team'))).toBe('Adviser to Ana Duarte');
  });

  it('skips appositives between the speaker and the verb', () => {
    const x = run('Alexei Navarro, the jailed opposition leader, called Wednesday for protests in every city.');
    const s = byText(x, 'protests');
    expect(speakerName(x, s)).toBe('Alexei Navarro');
    expect(s?.saidAt?.edtf).toBe('2024-03-06');
  });

  it('does not take nouns or passives for reporting verbs', () => {
    expect(run('Thousands have been reported injured. A warning was issued.').statements).toEqual([]);
  });

  it('finds the stated place of speaking only', () => {
    const x = run('Speaking in Brussels, the minister Ana Duarte said aid would come. Ivan Petrenko said the attack in Kyiv was planned.');
    expect(x.entities.find((e) => e.key === byText(x, 'aid would')?.saidInKey)?.name).toBe('Brussels');
    expect(byText(x, 'attack')?.saidInKey).toBeNull();
  });

  it('gives the same key to the same statement reported by two documents', () => {
    const a = run('“We stand firm,” Maria Lopez said.');
    const b = run('Elsewhere, Maria Lopez said: “We stand firm.”', { published: '2024-03-07' });
    expect(byText(a, 'stand firm')?.key).toBe(byText(b, 'stand firm')?.key);
    expect(statementKey('person:x', 'QUOTE', 'We stand firm!')).toBe(statementKey('person:x', 'QUOTE', 'we stand  firm'));
    expect(statementKey('person:x', 'QUOTE', 'We stand firm')).not.toBe(statementKey('person:y', 'QUOTE', 'We stand firm'));
  });
});

describe('detectChannel', () => {
  it('reads platforms, addressees and speech events', () => {
    expect(detectChannel('the mayor posted on Facebook:')).toBe('Facebook');
    expect(detectChannel('Former President Dmitry Ivanov tweeted a warning')).toBe('Twitter');
    expect(detectChannel('told the BBC Wednesday', [{ text: 'BBC', kind: 'ORGANIZATION', name: 'BBC' }])).toBe('BBC');
    expect(detectChannel('used his annual State of the Union address to')).toBe('State of the Union address');
    expect(detectChannel('In a defiant address as the war began, President X said')).toBe('address');
    expect(detectChannel('said at a press conference')).toBe('news conference');
  });

  it('finds no channel in plain attributions', () => {
    expect(detectChannel('the ministry said on Tuesday that')).toBeNull();
  });
});
