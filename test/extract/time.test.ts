import { describe, expect, it } from 'vitest';
import {
  findTimes,
  narrowestSpanAround,
  publicationSpan,
  spanForDay,
  spanFromEdtf,
  type FoundTime,
} from '../../src/extract/time.js';
import { sentences } from './sentences.js';
import type { ExtractContext, Sentence, TimeMention } from '../../src/extract/types.js';

/** Publication Wednesday 2 March 2022. */
const ctx: ExtractContext = { published: '2022-03-02', authorities: [] };
const noDate: ExtractContext = { published: null, authorities: [] };


function times(text: string, c: ExtractContext = ctx): FoundTime[] {
  return findTimes(text, sentences(text), c);
}

function only(text: string, c: ExtractContext = ctx): FoundTime {
  const found = times(text, c);
  expect(found.map((t) => t.text)).toHaveLength(1);
  return found[0];
}

describe('findTimes: clock times and durations', () => {
  it('joins a clock time in local time to the day after it', () => {
    const t = only('The earthquake struck at 4:17 a.m. local time on Monday.');
    expect(t.text).toBe('4:17 a.m. local time on Monday');
    expect(t.span.edtf).toBe('2022-02-28');
  });

  it('does not read the verb "last" with a duration as the past weeks', () => {
    expect(times('The trial is expected to last six weeks, and the appeal could last months.').map((t) => t.text)).toEqual([]);
    expect(only('Prices rose over the last six weeks.').text).toMatch(/last six weeks/);
  });
});

describe('findTimes: weekdays in news are the most recent such day', () => {
  it('reads "on Tuesday" in a Wednesday article as the day before', () => {
    const t = only('A strike hit an apartment complex near a hospital on Tuesday.');
    expect(t.text).toBe('Tuesday');
    expect(t.span.edtf).toBe('2022-03-01');
    expect(t.span.earliest).toBe('2022-03-01T00:00:00.000Z');
    expect(t.span.latest).toBe('2022-03-01T23:59:59.999Z');
  });

  it('reads the publication weekday as the publication day', () => {
    expect(only('The spokesman said Wednesday that talks would go on.').span.edtf).toBe('2022-03-02');
  });

  it('reads a bare Thursday in a Wednesday article as last week, not tomorrow', () => {
    expect(only('Talks resumed Thursday in Geneva.').span.edtf).toBe('2022-02-24');
    expect(only('He said Saturday that the ceasefire held.').span.edtf).toBe('2022-02-26');
  });

  it('reads a weekday in a future-tense clause as the coming one', () => {
    expect(only('Talks will resume on Thursday.').span.edtf).toBe('2022-03-03');
    expect(only('On Thursday, the ministers will meet again.').span.edtf).toBe('2022-03-03');
    expect(only('A ceasefire could take effect as early as Friday.').span.edtf).toBe('2022-03-04');
  });

  it('reads a weekday after a past-tense verb of its own clause as past, whatever the sentence says of the future', () => {
    expect(times('The city will double the zone, after the council approved the plan on Monday.').map((t) => t.span.edtf)).toEqual(['2022-02-28']);
    expect(only('Dockworkers began a 48-hour strike on Tuesday over plans to automate cranes.').span.edtf).toBe('2022-03-01');
  });

  it('still reads a weekday in a future clause with a past participle as the coming one', () => {
    expect(only('The bridge will be closed on Friday.').span.edtf).toBe('2022-03-04');
    expect(only('Load tests are due to be completed by Thursday.').span.edtf).toBe('2022-03-03');
  });

  it('reads a month without a year as the most recent one on or before publication', () => {
    expect(only('He pleaded guilty in August to fraud.').span.edtf).toBe('2021-08');
    expect(only('He was jailed in February after a trial.').span.edtf).toBe('2022-02');
    expect(only('The contract was signed on December 3.').span.edtf).toBe('2021-12-03');
  });

  it('keeps a month in a future clause in the coming year', () => {
    expect(only('The first phase will take effect in September.').span.edtf).toBe('2022-09');
  });

  it('marks the date of a dateline as the report\'s day', () => {
    const text = 'NAIROBI, June 6 (Reuters) - Kenya will suspend import duty, the minister said on Tuesday.';
    const found = findTimes(text, sentences(text), { published: '2023-06-06', authorities: [] });
    expect(found[0]).toMatchObject({ text: 'June 6', dateline: true });
    expect(found[0].span.edtf).toBe('2023-06-06');
    expect(found[1].dateline).toBeUndefined();
    expect(times('PORT SUDAN, May 15 - The army denied it.')[0].dateline).toBe(true);
  });

  it('does not mark a date after a comma inside a sentence as a dateline', () => {
    expect(times('The talks, March 3 - the first round - ended.').some((t) => t.dateline)).toBe(false);
  });

  it('does not read "three days before" a named event as a date', () => {
    expect(times('The study was not published until Friday, three days before the vote.').map((t) => t.text)).toEqual(['Friday']);
  });

  it('does not read a report made on a weekday as future because of what was said', () => {
    expect(only('The ministry said on Tuesday it will send more aid.').span.edtf).toBe('2022-03-01');
  });

  it('keeps "Wednesday morning" and "late Wednesday" on the day, with the words as written', () => {
    const morning = only('The university was hit on Wednesday morning.');
    expect(morning.text).toBe('Wednesday morning');
    expect(morning.span.edtf).toBe('2022-03-02');
    const late = only('The mayor said late Wednesday that troops were patrolling.');
    expect(late.text).toBe('late Wednesday');
    expect(late.span.edtf).toBe('2022-03-02');
  });

  it('reads a possessive weekday such as "Monday’s" as a date', () => {
    const t = only('Monday’s first round of talks lasted five hours.');
    expect(t.text).toBe('Monday');
    expect(t.span.edtf).toBe('2022-02-28');
  });

  it('marks a weekday-only date as certain in its weekday and implied in the rest', () => {
    const t = only('Fighting resumed on Monday.');
    expect(t.span.certain).toEqual(['weekday']);
  });
});

describe('findTimes: calendar dates', () => {
  it('reads "Feb. 24" with the year implied by the publication date', () => {
    const t = only('Russia invaded on Feb. 24.');
    expect(t.text).toBe('Feb. 24');
    expect(t.span.edtf).toBe('2022-02-24');
    expect(t.span.certain).toEqual(['month', 'day']);
  });

  it('reads "since Thursday February 24" as 24 February, without the preposition', () => {
    const text = 'At least 136 people have been killed since Thursday February 24, the UN said.';
    const t = only(text);
    expect(t.text).toBe('Thursday February 24');
    expect(text.slice(t.start, t.end)).toBe('Thursday February 24');
    expect(t.span.edtf).toBe('2022-02-24');
  });

  it('reads "in 2014" as the whole year', () => {
    const t = only('Crimea, which Russia annexed in 2014, lies to the south.');
    expect(t.span).toMatchObject({
      edtf: '2014',
      earliest: '2014-01-01T00:00:00.000Z',
      latest: '2014-12-31T23:59:59.999Z',
      certain: ['year'],
    });
  });

  it('reads a full date with its year as certain in year, month and day', () => {
    const t = only('The treaty was signed on March 8, 2021.');
    expect(t.span.edtf).toBe('2021-03-08');
    expect(t.span.certain).toEqual(['year', 'month', 'day']);
  });

  it('reads a decade as an EDTF decade', () => {
    const t = only('The base was built in the 1990s.');
    expect(t.span).toMatchObject({ edtf: '199X', earliest: '1990-01-01T00:00:00.000Z', latest: '1999-12-31T23:59:59.999Z' });
  });

  it('reads "early March" as the first ten days of the month', () => {
    const t = only('Elections are planned for early March.');
    expect(t.text).toBe('early March');
    expect(t.span.edtf).toBe('2022-03-01/2022-03-10');
  });

  it('reads "between Feb. 24 and March 1" as one interval', () => {
    const t = only('Shelling was heaviest between Feb. 24 and March 1.');
    expect(t.span.edtf).toBe('2022-02-24/2022-03-01');
    expect(t.span.earliest).toBe('2022-02-24T00:00:00.000Z');
    expect(t.span.latest).toBe('2022-03-01T23:59:59.999Z');
  });

  it('reads a year range as an interval of years', () => {
    expect(only('He served between 2014 and 2016.').span.edtf).toBe('2014/2016');
  });
});

describe('findTimes: expressions relative to publication', () => {
  it('reads "today" and "yesterday" against the publication day, with no stated parts', () => {
    const [today, yesterday] = times('Talks take place today. Troops entered the city yesterday.');
    expect(today.span.edtf).toBe('2022-03-02');
    expect(yesterday.span.edtf).toBe('2022-03-01');
    expect(yesterday.span.certain).toEqual([]);
  });

  it('reads "last night" and "overnight" as the night before publication', () => {
    expect(only('Explosions were heard last night.').span.edtf).toBe('2022-03-01/2022-03-02');
    const overnight = only('Airborne troops landed in the city overnight.');
    expect(overnight.text).toBe('overnight');
    expect(overnight.span.edtf).toBe('2022-03-01/2022-03-02');
  });

  it('reads "last week" as the previous calendar week, approximately', () => {
    const t = only('Ukraine, which Russia invaded last week, is resisting.');
    expect(t.span.edtf).toBe('2022-02-21~/2022-02-27~');
    expect(t.span.earliest).toBe('2022-02-21T00:00:00.000Z');
    expect(t.span.latest).toBe('2022-02-27T23:59:59.999Z');
  });

  it('reads "the last 48 hours" as the period up to publication', () => {
    expect(only('Attacks have increased in the last 48 hours.').span.edtf).toBe('2022-02-28/2022-03-02');
  });

  it('keeps a time of day within the publication day, with the time in the text', () => {
    const t = only('It is just 3 p.m. in Kyiv and battles continue.');
    expect(t.text).toBe('3 p.m.');
    expect(t.span.edtf).toBe('2022-03-02');
    expect(t.span.certain).toContain('hour');
  });

  it('drops relative dates when the publication date is unknown, and keeps absolute ones', () => {
    const found = times('On Tuesday, after annexing it in 2014 and striking on Feb. 24, troops left on March 1, 2022.', noDate);
    expect(found.map((t) => t.span.edtf)).toEqual(['2014', '2022-03-01']);
  });
});

describe('findTimes: what is not a date', () => {
  it('does not read durations as dates', () => {
    expect(times('Zelensky said that in six days nearly 6,000 soldiers were killed.')).toEqual([]);
    expect(times('The convoy stalled for a second time within 24 hours.')).toEqual([]);
  });

  it('does not read place names, modal verbs, surnames or marches as months', () => {
    expect(times('Old Town-Orono begins its quest to defend the title.')).toEqual([]);
    expect(times('Theresa May said she may return.')).toEqual([]);
    expect(times('A protest march was held near the square.')).toEqual([]);
  });

  it('does not read ordinals, counts, distances or "24/7" as dates', () => {
    expect(times('Kharkiv, the second most populous city of 1.4 million, expects a second round.')).toEqual([]);
    expect(times('A convoy stretching across 40 miles carries 1,000 troops.')).toEqual([]);
    expect(times('Shelters are open 24/7.')).toEqual([]);
  });

  it('does not read recurring clock times as the publication day', () => {
    expect(times('He called for protests at 2pm on weekends and 7pm on weeknights.')).toEqual([]);
  });

  it('does not read named days and titles as weekdays', () => {
    expect(times('Shoppers flocked to the malls on Black Friday.')).toEqual([]);
    expect(times('The Sunday Times reported the deal.')).toEqual([]);
    expect(only('Russia attacked Ukraine Tuesday.').span.edtf).toBe('2022-03-01');
  });

  it('does not read "an overnight success" as a night', () => {
    expect(times('The film was an overnight success.')).toEqual([]);
  });
});

describe('findTimes: offsets and speech', () => {
  const text =
    'Talks continue: A second round of talks is expected today.\n\n' +
    'A strike hit a hospital on Tuesday, while the university was hit on Wednesday morning.\n\n' +
    'The deputy mayor told the BBC Wednesday: "We are near a catastrophe." Over 874,000 people have fled, the U.N. estimated Tuesday.';

  it('gives offsets that slice exactly the mention text', () => {
    const found = times(text);
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('marks the dates of speech acts and not the dates of events', () => {
    const found = times(text);
    const speech = found.filter((t) => t.attachedToSpeech).map((t) => t.text);
    expect(speech).toEqual(['Wednesday', 'Tuesday']);
    expect(found.find((t) => t.text === 'Wednesday morning')?.attachedToSpeech).toBeUndefined();
  });
});

describe('spans', () => {
  it('spans a whole UTC day for a calendar date', () => {
    expect(spanForDay('2022-03-02', 'Wednesday')).toEqual({
      edtf: '2022-03-02',
      earliest: '2022-03-02T00:00:00.000Z',
      latest: '2022-03-02T23:59:59.999Z',
      text: 'Wednesday',
      certain: ['year', 'month', 'day'],
    });
  });

  it('refuses a string that is not a calendar day', () => {
    expect(() => spanForDay('2022-02-30', null)).toThrow();
    expect(() => spanForDay('March 2', null)).toThrow();
  });

  it('gives the publication day without source text, or null when unknown', () => {
    expect(publicationSpan(ctx)).toMatchObject({ edtf: '2022-03-02', text: null });
    expect(publicationSpan(noDate)).toBeNull();
  });

  it('bounds EDTF strings with the edtf library and rejects invalid ones', () => {
    expect(spanFromEdtf('2022-03-02?', null)?.earliest).toBe('2022-03-02T00:00:00.000Z');
    expect(spanFromEdtf('2022-13-45', null)).toBeNull();
  });
});

describe('narrowestSpanAround', () => {
  const day = (start: number, end: number, iso: string, speech = false): TimeMention =>
    Object.assign({ start, end, text: iso, span: spanForDay(iso, iso) }, speech ? { attachedToSpeech: true } : {});
  const week: TimeMention = {
    start: 5,
    end: 14,
    text: 'last week',
    span: spanFromEdtf('2022-02-21~/2022-02-27~', 'last week', [])!,
  };

  it('returns null when no time mention lies inside the span', () => {
    expect(narrowestSpanAround([day(50, 57, '2022-03-01')], { start: 0, end: 40 }, ctx)).toBeNull();
  });

  it('prefers the mention attached to a speech verb', () => {
    const found = narrowestSpanAround([day(10, 17, '2022-02-24'), day(30, 39, '2022-03-02', true)], { start: 0, end: 60 }, ctx);
    expect(found?.edtf).toBe('2022-03-02');
  });

  it('otherwise prefers the narrowest span', () => {
    expect(narrowestSpanAround([week, day(20, 27, '2022-03-01')], { start: 0, end: 60 }, ctx)?.edtf).toBe('2022-03-01');
  });
});

describe('performance', () => {
  it('reads a 3 KB article in a few milliseconds once warm', () => {
    const para =
      'Russian forces fired rockets near a TV tower on Tuesday, hours after warning of strikes. ' +
      'The UN said at least 136 people have been killed since Thursday February 24. ' +
      'A second round of talks is expected today, and Monday’s first round lasted five hours. ';
    const text = Array.from({ length: 12 }, () => para).join('\n\n');
    const s = sentences(text);
    for (let i = 0; i < 20; i++) findTimes(text, s, ctx);
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) findTimes(text, s, ctx);
    expect((performance.now() - t0) / 20).toBeLessThan(25);
  });
});

describe('findTimes: years as premodifiers and years relative to an earlier year', () => {
  it('reads "the 2018 race" and "the 2018 fire" as 2018', () => {
    expect(only('She lost the 2018 race by a wide margin.').span.edtf).toBe('2018');
    expect(only('Memories of the 2018 fire still haunt the town.').span.edtf).toBe('2018');
  });

  it('does not read a number of things after "the" as a year', () => {
    expect(times('The 2018 were counted. Officials said the 2000 people left.').filter((t) => t.span.edtf === '2018' || t.span.edtf === '2000')).toEqual([]);
  });

  it('reads "the following year" and "the previous year" relative to the last year written', () => {
    const found = times('Talks began in 2018, but collapsed the following year.');
    expect(found.map((t) => t.span.edtf)).toEqual(['2018', '2019']);
    expect(times('Prices rose in 2015 after falling the previous year.').map((t) => t.span.edtf)).toEqual(['2015', '2014']);
  });

  it('does not guess "the following year" without an earlier year', () => {
    expect(times('The project collapsed the following year.').map((t) => t.span.edtf)).not.toContain('2023');
  });
});

describe('findTimes: a date closing a relative clause before the speech verb', () => {
  it('does not attach "in 2017" in "X, who won in 2017, denied it" to the speech', () => {
    const t = times('Ortega, who won a stage of the race in 2017, denied any wrongdoing.').find((x) => x.text.includes('2017'));
    expect(t?.attachedToSpeech).toBeFalsy();
  });

  it('still attaches a date right before the speech verb of the main clause', () => {
    const t = times('The ministry, on Tuesday, said the talks had failed.').find((x) => x.text.includes('Tuesday'));
    expect(t?.attachedToSpeech).toBe(true);
  });
});
