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
  it('reads a medium described before its name, and a name that says it is a broadcaster', () => {
    expect(detectChannel('the mayor told the public broadcaster ERT on Thursday')).toBe('ERT');
    expect(detectChannel('the president told local radio station Caracol.')).toBe('Caracol');
    expect(detectChannel('he told Radio New Zealand (RNZ).')).toBe('Radio New Zealand');
    expect(detectChannel('he told the local council on Monday')).toBeNull();
    expect(detectChannel('he told Maria Lopez on Monday')).toBeNull();
  });

  it('reads platforms, addressees and speech events', () => {
    expect(detectChannel('the mayor posted on Facebook:')).toBe('Facebook');
    expect(detectChannel('Former President Dmitry Ivanov tweeted a warning')).toBe('Twitter');
    expect(detectChannel('told the BBC Wednesday', [{ text: 'BBC', kind: 'ORGANIZATION', name: 'BBC' }])).toBe('BBC');
    expect(detectChannel('used his annual State of the Union address to')).toBe('State of the Union address');
    expect(detectChannel('In a defiant address as the war began, President X said')).toBe('address');
    expect(detectChannel('said at a press conference')).toBe('press conference');
  });

  it('keeps the medium a statement or interview went out on', () => {
    expect(detectChannel('he said in a televised statement on Monday')).toBe('televised statement');
    expect(detectChannel('she said in a telephone interview')).toBe('telephone interview');
    expect(detectChannel('said by telephone that')).toBe('telephone');
    expect(detectChannel('said in a written submission that')).toBe('written submission');
  });

  it('finds no channel in plain attributions', () => {
    expect(detectChannel('the ministry said on Tuesday that')).toBeNull();
  });
});

describe('speakers of soundbites, nested quotations and continued quotes', () => {
  it('takes a soundbite speaker from a script header line before it', () => {
    const x = run('STORY: Floods cut off the valley.\n\n(SOUNDBITE) (English) MARTA OLIVEIRA, RIVER AUTHORITY ENGINEER, SAYING:\n“The water is still rising and we need boats.”');
    expect(speakerName(x, byText(x, 'still rising'))).toBe('Marta Oliveira');
  });

  it('matches a soundbite header to the person the story already named', () => {
    const x = run('The engineer, Marta Oliveira, said the dam held.\n\n(SOUNDBITE) MARTA OLIVEIRA, ENGINEER, SAYING:\n“We are watching it every hour.”');
    expect(byText(x, 'every hour')?.speakerKey).toBe(byText(x, 'dam held')?.speakerKey);
  });

  it('reads soundbite headers without parentheses and with names in ordinary case', () => {
    const x = run('STORY: Floods cut off the valley.\n\nSOUNDBITE (English) PAVEL NOVAK, FARMER, SAYING:\n“My fields are under water.”\n\nJana Dvorak, a nurse, saying:\n“We have no power in the clinic.”');
    expect(speakerName(x, byText(x, 'under water'))).toBe('Pavel Novak');
    expect(speakerName(x, byText(x, 'no power'))).toBe('Jana Dvorak');
  });

  it('does not read an ordinary heading line as a soundbite header', () => {
    const x = run('WHAT HAPPENS NEXT:\n“We are watching it every hour.”');
    expect(byText(x, 'every hour')?.speakerKey ?? null).toBeNull();
  });

  it('takes a block quotation’s speaker from the dash line after it', () => {
    const x = run('The council voted on Monday.\n\n"We are giving the streets back to the people who live here."\n— Lena Varga, deputy mayor for transport');
    expect(speakerName(x, byText(x, 'giving the streets'))).toBe('Lena Varga');
  });

  it('gives words quoted inside a quotation to the person the speaker quotes, not to the speaker', () => {
    const x = run(
      'The prosecutor said a colleague, Rebecca Stone, had warned Hill in 2018.\n\n"She said to him, \'This will come back on you,\' and he laughed," Ms Carter said, referring to Ms Stone. Prosecutor Anna Carter spoke last.',
    );
    const inner = x.statements.find((s) => s.quote === 'This will come back on you');
    expect(speakerName(x, inner)).toBe('Rebecca Stone');
  });

  it('gives single-quoted words after "I told them" to the outer speaker', () => {
    const x = run(`"I told them, 'Not one more tonne,' and they left," Grace Otieno said.`);
    expect(speakerName(x, x.statements.find((s) => s.quote === 'Not one more tonne'))).toBe('Grace Otieno');
  });

  it('makes no statement of single-quoted words without a speech verb inside a quotation', () => {
    const x = run('"The so-called \'reform\' is a disaster for all of us," Rebecca Stone said.');
    expect(x.statements.some((s) => s.quote === 'reform')).toBe(false);
  });

  it('keeps a quotation interrupted by its attribution as one statement', () => {
    const x = run('"We have lost everything," Tomas Berg told reporters. "Nobody came to help us."');
    const quotes = x.statements.filter((s) => s.kind === 'QUOTE');
    expect(quotes).toHaveLength(1);
    expect(quotes[0].quote).toBe('We have lost everything. Nobody came to help us');
  });

  it('keeps quotations of different speakers apart', () => {
    const x = run('"We have lost everything," Tomas Berg said. "It will be rebuilt," the mayor, Lena Varga, replied.');
    expect(x.statements.filter((s) => s.kind === 'QUOTE')).toHaveLength(2);
  });
});

describe('titles and scare quotes', () => {
  it('does not take the title of a film or a programme in quotes for a statement', () => {
    const x = run('The screening was part of the "New Voices" strand of the festival, which has a theme it calls "Work, Rest and Care".');
    expect(x.statements.filter((s) => s.kind === 'QUOTE')).toHaveLength(0);
  });

  it('keeps a one-word attributed quotation', () => {
    const x = run('The "massive" shelling continued overnight, the regional governor, Ivan Petrenko, said.');
    expect(x.statements.some((s) => s.quote === 'massive')).toBe(true);
  });
});

describe('speaker phrases', () => {
  it('resolves a title and surname to the person named in full earlier', () => {
    const x = run('Defence lawyer Thomas Reed argued for a lighter sentence.\n\n"He has lost his career and his home," Mr Reed told the court.');
    expect(speakerName(x, byText(x, 'lost his career'))).toBe('Thomas Reed');
  });

  it('resolves "the judge" and "the spokeswoman" to the one described so before', () => {
    const x = run(
      'Judge Helen Marsh said the offence was serious. The judge ruled that the fraud was planned.\n\nA spokeswoman for the hospital trust said staff numbers had risen.\n\n"We are proud of our nurses," the spokeswoman said.',
    );
    expect(speakerName(x, byText(x, 'fraud was planned'))).toBe('Helen Marsh');
    expect(byText(x, 'proud of our nurses')?.speakerKey).toBe(byText(x, 'staff numbers')?.speakerKey);
    expect(byText(x, 'proud of our nurses')?.speakerKey).not.toBeNull();
  });

  it('takes a description for the person named by bare name just before, not for one described otherwise', () => {
    const x = run('Theresa May said on Monday that residents had been let down. The former prime minister said she had written to the council.');
    expect(speakerName(x, byText(x, 'written to the council'))).toBe('Theresa May');
    const y = run('Resident Jane Roe said the water was rising. The former prime minister said she had written to the council.');
    expect(speakerName(y, byText(y, 'written to the council'))).not.toBe('Jane Roe');
  });

  it('reads "ruled that" and "concluded that" as reports, but not "ruled out"', () => {
    const x = run('The judge concluded that the barrier had failed. The minister ruled out new taxes.');
    expect(byText(x, 'barrier had failed')).toBeDefined();
    expect(byText(x, 'new taxes')).toBeUndefined();
  });

  it('gives a party of a trial its own speaker but leaves witnesses anonymous', () => {
    const x = run('Prosecutors argued that the invoices had been split. Witnesses said the lights went out.');
    expect(speakerName(x, byText(x, 'invoices'))).toBe('Prosecutors');
    expect(byText(x, 'lights went out')?.speakerKey).toBeNull();
  });

  it('takes a named organization in apposition and a relative clause’s antecedent as speakers', () => {
    const x = run('The UN refugee agency, UNHCR, said 3,000 shelters had been damaged. The toll was higher than the figure given by the army, which said only a dozen fighters had died.');
    expect(byText(x, 'shelters had been damaged')?.speakerText).toContain('UNHCR');
    expect(byText(x, 'dozen fighters')?.speakerText).toBe('the army');
  });

  it('reads a closing attribution whose name contains "and" back to the comma', () => {
    const x = run('The bridge will reopen on Friday, Fisheries and Oceans Minister Laura Kemp said in a statement today.');
    const s = byText(x, 'bridge will reopen');
    expect(speakerName(x, s)).toBe('Laura Kemp');
    expect(s?.channel).toBe('statement');
  });

  it('names an organization called after its place instead of taking the place', () => {
    const x = run('The Chamber of Commerce and Industry of Portugal said in a written submission that shops had lost customers.');
    const s = byText(x, 'shops had lost');
    expect(speakerName(x, s)).toBe('Chamber of Commerce and Industry of Portugal');
    expect(x.entities.find((e) => e.key === s?.speakerKey)?.kind).toBe('ORGANIZATION');
  });

  it('takes a first name and surname in apposition as the speaker even when the recognizer missed them', () => {
    const x = run("The president of the harbour authority, Yvonne d'Arcy, said in a statement that the authority would rebuild its wharf.");
    expect(speakerName(x, byText(x, 'rebuild its wharf'))).toBe("Yvonne d'Arcy");
  });

  it('resolves "the council" to the local authority named earlier', () => {
    const x = run('The bridge will reopen on Friday, the Royal Borough of Kent and Medway said yesterday.\n\nThe council said the contract was awarded after a second round of bids.');
    const s = byText(x, 'contract was awarded');
    expect(s?.speakerKey).not.toBeNull();
    expect(s?.speakerKey).toBe(byText(x, 'bridge will reopen')?.speakerKey);
  });

  it('leaves "the council" unresolved when no council was named', () => {
    const x = run('The council said the contract was awarded after a second round of bids.');
    expect(byText(x, 'contract was awarded')?.speakerKey).toBeNull();
  });

  it('reads a surname that is also a month or an auxiliary after a first name', () => {
    const x = run('Theresa May said on Monday that residents had been “let down” by the repairs.', { published: '2021-05-12' });
    const s = x.statements.find((q) => q.quote === 'let down');
    expect(speakerName(x, s)).toBe('Theresa May');
    expect(s?.saidAt?.edtf).toBe('2021-05-10');
  });

  it('takes the speaker of "said by telephone" and not of a passive "confirmed by"', () => {
    const x = run('Abel Tesfaye, the district commissioner, said by telephone that the market had burned. The figure was confirmed by officials.');
    const s = byText(x, 'market had burned');
    expect(speakerName(x, s)).toBe('Abel Tesfaye');
    expect(s?.channel).toBe('telephone');
  });
});

describe('more speaker phrases', () => {
  it('drops a dateline with a date from a closing attribution’s content', () => {
    const x = run('LISBON, March 3 (AP) - Portugal will raise the minimum wage by 6% next year, Labour Minister Ana Mendes said on Thursday.');
    expect(x.statements[0]?.text).toBe('Portugal will raise the minimum wage by 6% next year');
  });

  it('keeps name particles inside an organization’s name', () => {
    const x = run('Economists at Banco de Portugal estimated that inflation would average 2.4%.');
    expect(byText(x, 'inflation would average')?.speakerText).toBe('Banco de Portugal');
  });

  it('takes a group qualified by a place as the speaker, not the place', () => {
    const x = run('Police in Manchester said on Sunday that three men had been arrested.');
    const s = byText(x, 'three men');
    expect(speakerName(x, s)).toBe('Police in Manchester');
    expect(x.entities.find((e) => e.key === s?.speakerKey)?.kind).toBe('ORGANIZATION');
  });

  it('takes the organization head before "in <place>" as the speaker, never the place', () => {
    const x = run('The French Embassy in Nairobi said on Monday that it had closed its consular section.');
    const s = byText(x, 'consular section');
    expect(speakerName(x, s)).toMatch(/Embassy/);
    expect(x.entities.find((e) => e.key === s?.speakerKey)?.kind).not.toBe('PLACE');
  });

  it('does not extend a person speaker over "in <place>" (negative)', () => {
    const x = run('Residents in Nairobi said on Monday that the water had returned.');
    const s = byText(x, 'water had returned');
    expect(x.entities.find((e) => e.key === s?.speakerKey)?.kind ?? null).not.toBe('PLACE');
  });

  it('skips a "known as" appositive and keeps the organization as the speaker', () => {
    const x = run('The National Statistics Office, known as NSO, said on Tuesday that prices rose sharply in March.');
    expect(byText(x, 'prices rose')?.speakerText).toMatch(/National Statistics Office/);
  });

  it('dates a report by the time in a phrase before "that"', () => {
    const x = run('Roe told reporters at her office on Monday afternoon that the count was over.', { published: '2024-03-06' });
    expect(byText(x, 'count was over')?.saidAt?.earliest.slice(0, 10)).toBe('2024-03-04');
  });

  it('does not date a report by a time inside its content (negative)', () => {
    const x = run('Roe told reporters that the count would end on Monday.', { published: '2024-03-06' });
    expect(byText(x, 'count would end')?.saidAt?.edtf ?? '').not.toBe('2024-03-04');
  });

  it('resolves a quote after "he said" to the latest named person, not an earlier one', () => {
    const x = run('Mary Stone addressed supporters on Monday.\n\n"We have won," she said.\n\nSmith, who leads the rival party, told reporters that he had won.\n\n"This will be over soon," he said.');
    expect(byText(x, 'This will be over')?.speakerText).not.toBe('Mary Stone');
    expect(speakerName(x, byText(x, 'We have won'))).toBe('Mary Stone');
  });

  it('dates a quote by the occasion the sentence before gave its speaker', () => {
    const x = run('Maria Lopez addressed a crowd in the main square on Monday night.\n\n"We have won this election, and we will defend every vote," she said.', { published: '2024-03-06' });
    expect(byText(x, 'defend every vote')?.saidAt?.earliest.slice(0, 10)).toBe('2024-03-04');
  });

  it('does not date a quote by another person’s occasion (negative)', () => {
    const x = run('Maria Lopez addressed a crowd on Monday night.\n\nJohn Smith said the count was slow.\n\n"We have won this election, and we will defend every vote," Lopez said.', { published: '2024-03-06' });
    expect(byText(x, 'defend every vote')?.saidAt?.edtf).not.toBe('2024-03-04');
  });

  it('resolves "she said" after a quotation running over paragraphs to the person before it', () => {
    const x = run('Minister Eleni Stavrou, who visited the centre, said the state had learned.\n\n“We will not wait for the fire to reach the houses before we move people.\n\n“But lives come first, and today nobody is missing,” she said.');
    expect(speakerName(x, byText(x, 'lives come first'))).toBe('Eleni Stavrou');
  });

  it('does not reach past a paragraph of narration for "she said" (negative)', () => {
    const x = run('Eleni Stavrou said the state had learned.\n\nThe fire burned for three days across the hills.\n\nFirefighters worked through the night near the coast.\n\n“Lives come first, and today nobody is missing,” she said.');
    expect(speakerName(x, byText(x, 'lives come first'))).toBeNull();
  });

  it('finds a closing attribution by "the companies" or "the governing body"', () => {
    const x = run('Acme and Bolt will combine in an all-share deal worth $3 billion, the companies said on Monday, ending years of talks.');
    expect(byText(x, 'all-share deal')?.speakerText).toBe('the companies');
    const y = run('The rider has been banned from competition for four years, the governing body said on Thursday.');
    expect(byText(y, 'banned from competition')?.speakerText).toBe('the governing body');
  });

  it('resolves "the companies" to the organizations the sentence names, not to one of them', () => {
    const x = run('Acme Corp and Bolt Industries will combine in an all-share deal worth $3 billion, the companies said on Monday.');
    expect(speakerName(x, byText(x, 'all-share deal'))).toBe('Acme Corp and Bolt Industries');
    const y = run('The deal will close in March, the companies said on Monday.');
    expect(byText(y, 'deal will close')?.speakerKey ?? null).toBeNull();
  });

  it('does not make "the body" of a victim a speaker (negative)', () => {
    const x = run('The body was found near the river, police said.');
    expect(byText(x, 'found near the river')?.speakerText).toBe('police');
  });

  it('gives a quotation the medium a speaker was told through', () => {
    const x = run('"We are tired of paying for the mistakes of others," the coach told local radio station Caracol.');
    expect(x.statements[0]?.channel).toBe('Caracol');
  });

  it('resolves a definite description by the title a person was given earlier', () => {
    const x = run('Chief Constable Mark Hughes spoke first.\n\nThe chief constable also said more arrests were possible.');
    expect(byText(x, 'more arrests')?.speakerKey).toBe(x.entities.find((e) => e.kind === 'PERSON' && /Hughes/.test(e.name))?.key);
  });

  it('takes the person of "Tom Reyes of Delta Securities" in apposition as the speaker', () => {
    const x = run('One analyst, Tom Reyes of Delta Securities, said the company had been too optimistic.');
    expect(speakerName(x, byText(x, 'too optimistic'))).toBe('Tom Reyes');
  });

  it('prefers the organization whose name has the noun for "the ministry"', () => {
    const x = run('The Health Ministry and Acme Corp signed a deal on Monday.\n\nThe ministry said the vaccines would arrive in June.');
    expect(speakerName(x, byText(x, 'vaccines would arrive'))).toMatch(/Ministry/);
  });

  it('does not take a news medium the story cites for "the company"', () => {
    const x = run('Shares in Acme Corp fell 8% on Monday.\n\nChen told CNBC on Tuesday that she would stay. The company said it would buy back shares.');
    expect(speakerName(x, byText(x, 'buy back'))).toBe('Acme Corp');
  });

  it('skips a participle clause between the speaker and the verb', () => {
    const x = run('Labour Minister Ana Mendes spoke on Monday.\n\nMendes, asked about strikes, said: "We respect the right to strike."');
    expect(speakerName(x, byText(x, 'right to strike'))).toBe('Ana Mendes');
  });

  it('takes capitalized words after "the" that speak for an institution, but not a title', () => {
    const x = run('The White House said the president would travel on Friday. Rain will come, the Met Office said.');
    expect(x.entities.find((e) => e.key === byText(x, 'president would travel')?.speakerKey)).toMatchObject({ kind: 'ORGANIZATION', name: 'White House' });
    expect(x.entities.find((e) => e.key === byText(x, 'Rain will come')?.speakerKey)).toMatchObject({ kind: 'ORGANIZATION', name: 'Met Office' });
    const y = run('The Chief Constable said the march was banned. The Foreign Minister said talks would go on.');
    expect(y.entities.filter((e) => e.kind === 'ORGANIZATION')).toEqual([]);
    expect(y.entities.find((e) => e.key === byText(y, 'march was banned')?.speakerKey)).toMatchObject({ kind: 'PERSON', name: 'Chief Constable', role: true });
  });

  it('finds the speaker behind an age and a description, also when a place has the same name', () => {
    const x = run('Ana Rivera, 52, a former teacher, said she had lost everything. Ms. Lyon said the school was gone. Okafor, 61, said the road was cut.');
    expect(speakerName(x, byText(x, 'lost everything'))).toBe('Ana Rivera');
    expect(x.entities.find((e) => e.key === byText(x, 'school was gone')?.speakerKey)).toMatchObject({ kind: 'PERSON', name: 'Lyon' });
    expect(speakerName(x, byText(x, 'road was cut'))).toBe('Okafor');
  });

  it('does not take a place followed by a number for a person', () => {
    const x = run('In Lyon, 12, people died on Sunday. Lyon 2, Toulouse 1.');
    expect(x.entities.filter((e) => e.kind === 'PERSON')).toEqual([]);
  });

  it('reports what unnamed sources close to a matter said, without naming a speaker', () => {
    const x = run('A source close to the negotiations, who asked not to be named, said a deal was near. Two officials familiar with the matter said the plan was dropped.');
    expect(byText(x, 'deal was near')).toMatchObject({ speakerText: 'A source close to the negotiations', speakerKey: null });
    expect(byText(x, 'plan was dropped')).toMatchObject({ speakerText: 'Two officials familiar with the matter', speakerKey: null });
    expect(x.entities.filter((e) => /negotiations|matter/i.test(e.name))).toEqual([]);
  });

  it('separates a second speaker joined by "but" or "while" in the same sentence', () => {
    const x = run('The government insists the tax is fair, but critics say it hurts the poor. The minister said the plan would work, while opponents said it would fail.');
    expect(x.statements.map((s) => [s.speakerText, s.text])).toEqual([
      ['The government', 'the tax is fair'],
      ['critics', 'it hurts the poor'],
      ['The minister', 'the plan would work'],
      ['opponents', 'it would fail'],
    ]);
  });

  it('does not take the dateline for the subject of a participle', () => {
    const x = run("NAIROBI, Kenya (AP) — Kenya's president on Tuesday defended a new finance bill, saying the taxes were needed.");
    const s = byText(x, 'taxes were needed');
    expect(s?.speakerText).toBe("Kenya's president");
    expect(x.entities.find((e) => e.key === s?.speakerKey)?.kind).not.toBe('PLACE');
  });

  it('reads a group named by a compound noun as the subject of a participle', () => {
    const x = run('Human rights groups disputed that account, saying officers had used live ammunition. Aid workers said the camp was full.');
    expect(byText(x, 'live ammunition')?.speakerText).toBe('Human rights groups');
    expect(byText(x, 'camp was full')?.speakerText).toBe('Aid workers');
  });

  it('takes the name in apposition as the subject of a participle', () => {
    const x = run('The foreign ministry spokesman, Omar Haddad, condemned the decision on Friday, calling it "illegal and unjustified."');
    expect(speakerName(x, byText(x, 'illegal and unjustified'))).toBe('Omar Haddad');
  });

  it('keeps a report whole around a quoted fragment, besides the fragment', () => {
    const x = run('Omar Haddad spoke on Friday. He said the government would respond "in due course."');
    expect(x.statements.find((s) => s.kind === 'REPORTED' && s.text.includes('the government would respond'))).toBeDefined();
    const y = run('He said: "We will respond in due course."');
    expect(y.statements.filter((s) => s.kind === 'REPORTED')).toEqual([]);
  });

  it('reads business-news speakers: chief officers, analysts at a firm, what was told to analysts on a call', () => {
    const x = run('Chief Financial Officer Mark Ellison said costs rose in May. Analysts at Morgan Stanley said the cut was worse than feared. Chief Executive Priya Raman told analysts on a conference call that the company expected a tough second half.');
    expect(speakerName(x, byText(x, 'costs rose'))).toBe('Mark Ellison');
    expect(x.entities.find((e) => e.name === 'Morgan Stanley')?.kind).toBe('ORGANIZATION');
    const s = byText(x, 'tough second half');
    expect(s?.text).toBe('the company expected a tough second half');
    expect(s?.channel).toBe('conference call');
  });

  it('does not keep a sentence-initial common word or its "of" in an organization name', () => {
    const x = run('Shares of Nimbus Data Corp fell 18% on Thursday. Bank of England officials said rates would rise.');
    expect(x.entities.map((e) => e.name)).toContain('Nimbus Data Corp');
    expect(x.entities.map((e) => e.name)).toContain('Bank of England');
    expect(x.entities.map((e) => e.name).filter((n) => /^(?:Shares|of)\b/.test(n))).toEqual([]);
  });

  it('reads a closing attribution that names who was told', () => {
    const x = run('The plan will be presented to parliament next week, Finance Minister Anna Berg told broadcaster ZDF. Talks will resume in June, the minister told reporters on Monday.');
    const s = byText(x, 'presented to parliament');
    expect(speakerName(x, s)).toBe('Anna Berg');
    expect(s?.channel).toBe('ZDF');
    expect(byText(x, 'Talks will resume')?.speakerText).toBe('the minister');
  });

  it('gives a quotation framed by "dismissed ... as" its speaker, without a report of the object', () => {
    const x = run('Maria Lopez dismissed the claims as "nonsense" on Monday. The minister condemned the attack on the port.');
    expect(x.statements.map((s) => [s.kind, s.text, speakerName(x, s)])).toEqual([['QUOTE', 'nonsense', 'Maria Lopez']]);
  });

  it('skips a short parenthesis between the speaker and the verb, and does not take it for the speaker', () => {
    const x = run('The Global Water Partnership (GWP) said on Tuesday that it would send pumps. Senator Jane Doe (D-Ohio) said the bill would pass next week.');
    expect(speakerName(x, byText(x, 'send pumps'))).toBe('Global Water Partnership');
    expect(speakerName(x, byText(x, 'bill would pass'))).toBe('Jane Doe');
    expect(x.statements.map((s) => s.speakerText)).not.toContain('GWP');
  });
});

describe('claims in statements', () => {
  it('reads armed forces named as holder as the country whose army the story named', () => {
    const x = run('Sudan’s army and the rebels fought for Omdurman.\n\nArmy spokesman Khalid Omar said in a statement: "Omdurman remains under the control of the armed forces."');
    const s = byText(x, 'remains under the control');
    expect(s?.claims?.[0]).toMatchObject({ type: 'control', holder: 'SD', full: true });
  });
});

describe('when it was said', () => {
  it('dates undated statements by the dateline’s day, marked uncertain', () => {
    const x = run('KYIV, March 3 (Reuters) - The grid is stable, the energy minister, Olha Bondar, said.', { published: '2022-03-05' });
    expect(byText(x, 'grid is stable')?.saidAt?.edtf).toBe('2022-03-03?');
    const y = run('The grid is stable, the energy minister, Olha Bondar, said.', { published: '2022-03-05' });
    expect(byText(y, 'grid is stable')?.saidAt?.edtf).toBe('2022-03-05?');
  });

  it('dates a statement made at an occasion named after the verb', () => {
    const x = run('Councillor Priya Shah said at a cabinet meeting yesterday: “We would rather open the bridge late.”', { published: '2021-05-12' });
    expect(byText(x, 'open the bridge late')?.saidAt?.edtf).toBe('2021-05-11');
  });

  it('dates a statement made at an occasion by the date the text gave that occasion', () => {
    const x = run('The film had its premiere in York on Tuesday.\n\nThe director told the audience after the premiere that he had wanted no narrator.', { published: '2020-01-22' });
    expect(byText(x, 'wanted no narrator')?.saidAt?.edtf).toBe('2020-01-21');
  });
});
