import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/ingest/index.js';
import { SEED_DOCS } from './helpers.js';

const seed = (name: string) => readFileSync(path.join(SEED_DOCS, name), 'utf8');

/** Every non-blank line of the original except `furniture` must be in the text verbatim, and every sentence of it. */
function expectArticleKept(original: string, text: string, furniture: string[]) {
  const lines = original
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !furniture.includes(l));
  for (const line of lines) {
    expect(text).toContain(line);
    for (const sentence of line.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/u)) expect(text).toContain(sentence);
  }
  for (const f of furniture) expect(text).not.toContain(f);
}

describe('cleanText on the seed documents', () => {
  it('removes the "Previous ..." / "Next ..." navigation closing seed 000 and keeps every article sentence', () => {
    const raw = seed('000_3eef5064c7fd04ad.txt');
    const nav = [
      'Previous As the quarterfinals begin, Old Town-Orono begins their quest to defend their state hockey title',
      'Next City growth at heart of Jupiter mayoral race',
    ];
    const { text, furniture } = cleanText(raw);
    expect(furniture).toEqual(nav.map((t) => ({ text: t, rule: 'prev-next' })));
    expectArticleKept(raw, text, nav);
    expect(text.endsWith('The Kremlin has not publicly shared any toll.')).toBe(true);
  });

  it('removes the photo caption lines of seed 001 whole and keeps every article sentence', () => {
    const raw = seed('001_45916d2d92ddb653.txt');
    const captions = [
      'Zelensky gives an address. Photo: Presidency of Ukraine handout via Getty',
      'Sheltering in the Kyiv metro. Photo: Aris Messinis/STF/AFP via Getty',
      'Ukrainian refugees apply for residency permits after arriving in Prague. Photo: Michal Cizek/AFP via Getty Images',
      'Russian convoy north of Kyiv. Satellite image Photo: ©2022 Maxar Technologies',
    ];
    const { text, furniture } = cleanText(raw);
    expect(furniture).toEqual(captions.map((t) => ({ text: t, rule: 'caption-credit' })));
    expectArticleKept(raw, text, captions);
    expect(text).not.toMatch(/Photo:|Getty|©/);
    expect(text.startsWith('date 2022-03-02 Ukraine')).toBe(true);
    expect(text).not.toMatch(/\n{3,}/); // the caption's blank lines merged, not added up
  });

  it('keeps seed 002 (a transcript with bare quote lines) exactly as it is', () => {
    const raw = seed('002_25fd356c01da8ff1.txt');
    const { text, furniture } = cleanText(raw);
    expect(furniture).toEqual([]);
    expect(text).toBe(raw.trim());
  });
});

describe('cleanText rules', () => {
  const clean = (lines: string[]) => cleanText(lines.join('\n'));

  it('removes navigation, promotion and notices by general rules, naming the rule', () => {
    const article = 'The council met on Monday and approved the budget.';
    const { text, furniture } = clean([
      'Home > News > Local',
      'Skip to content',
      '',
      article,
      '',
      'Advertisement',
      '',
      'Read more: Budget talks stall again',
      'Share this article',
      'Facebook Twitter Email',
      'Sign up for our daily newsletter',
      'We use cookies to improve your experience. By continuing you accept our cookie policy.',
      'Image 3 of 12',
      '4 min read',
      'Tags: budget, council',
      '© 2023 Example Media Ltd. All rights reserved.',
      '(Reporting by Jane Roe; Editing by John Doe)',
      'Next: Storm warning for the coast',
    ]);
    expect(text).toBe(article);
    expect(furniture.map((f) => f.rule)).toEqual([
      'breadcrumb',
      'skip-link',
      'advertisement',
      'related-links',
      'share',
      'share',
      'newsletter',
      'cookie-notice',
      'media-control',
      'reading-aid',
      'tags',
      'copyright',
      'production-credits',
      'prev-next',
    ]);
  });

  it('removes caption and credit lines in their usual forms', () => {
    const captions = [
      'Protesters gather in the square. Photograph: Ann Lee/Reuters',
      'A damaged apartment block (Photo by Sam Poe/Getty Images)',
      'Image: Reuters',
      'Credit: City archive',
      'Rescue workers at the site. John Smith/AP',
      'The prime minister arrives. Government handout via Reuters',
    ];
    for (const c of captions) expect(cleanText(`Article sentence one.\n\n${c}\n\nArticle sentence two.`).furniture).toEqual([{ text: c, rule: 'caption-credit' }]);
  });

  it('keeps article lines that only resemble furniture', () => {
    const article = [
      'Next week, the talks will resume in Geneva.',
      'Next steps',
      'He said he would read more about the proposal before voting.',
      'The minister said: "Photo: that is what they asked for. We refused." Then she left.',
      'The regulator fined the company for setting cookies without consent.',
      'By Monday, the troops had reached the river.',
      'Share prices fell sharply after the announcement.',
      'Officials said the road via Lviv remained open.',
      'The price of a single ticket rose to 4/5 of the old monthly pass.',
      'Closing remarks were brief.',
    ];
    const { text, furniture } = cleanText(article.join('\n\n'));
    expect(furniture).toEqual([]);
    expect(text).toBe(article.join('\n\n'));
  });

  it('removes repeated bylines after the first', () => {
    const { text, furniture } = clean(['By Jane Roe', '', 'First paragraph.', '', 'By Jane Roe', '', 'Second paragraph.']);
    expect(text).toBe('By Jane Roe\n\nFirst paragraph.\n\nSecond paragraph.');
    expect(furniture).toEqual([{ text: 'By Jane Roe', rule: 'repeated-byline' }]);
  });

  it('does not remove "Previous"/"Next" lines inside the article, only at its end', () => {
    const { furniture } = clean(['Previous talks failed', '', 'The talks went on.', '', 'Next round expected soon']);
    expect(furniture).toEqual([{ text: 'Next round expected soon', rule: 'prev-next' }]);
  });

  it('normalizes line endings, trims trailing spaces, collapses 3+ blank lines to 2, and changes nothing else', () => {
    const raw = '  “Quoted” — dash\t \r\nline two -- ‘single’ «guillemets»  \r\n\r\n\r\n\r\n\r\nAfter a gap.\r\n\r\n';
    expect(cleanText(raw).text).toBe('“Quoted” — dash\nline two -- ‘single’ «guillemets»\n\n\nAfter a gap.');
  });

  it('keeps the text whole when there is no furniture', () => {
    const raw = 'Headline\n\nA paragraph.\nA second line of it.\n\nLast paragraph.';
    expect(cleanText(raw)).toEqual({ text: raw, furniture: [] });
  });
});

describe('cleanText: look-alikes of furniture that are article text', () => {
  it.each([
    ['a subhead beginning with a related-links word', 'Related concerns'],
    ['a subhead beginning with "Watch"', 'Watch the skies'],
    ['a sentence about copyright', 'Copyright law was changed in 2019.'],
    ['a sentence starting with "Get" that mentions a briefing', 'Get ready: the briefing will start at noon, officials said.'],
    ['a headline with a slash between names', 'Talks between Biden/Putin'],
    ['a headline with one bar', 'Live | Russia invades Ukraine'],
  ])('keeps %s', (_what, line) => {
    const raw = `${line}\n\nA sentence of the article.`;
    expect(cleanText(raw)).toEqual({ text: raw, furniture: [] });
  });
});

describe('cleanText: wire-style furniture', () => {
  it('removes an agency-first photo credit, joined notices, production credits and the linked headlines after a bare "Read Next"', () => {
    const raw = [
      'Troops advance near the river',
      '',
      'KYIV, Feb 15 (Agency) - Forces advanced near the river, the military said on Wednesday.',
      '',
      'Advertisement · Scroll to continue',
      '',
      'Soldiers fire a howitzer near the river, February 14, 2023. AGENCY/Jane Roe',
      '',
      '"The enemy continues to attack," the general staff said.',
      '',
      'Reporting by Jane Roe; Editing by John Doe',
      'Read Next',
      'World',
      'Another headline about the war',
    ].join('\n');
    const { text, furniture } = cleanText(raw);
    expect(text).toBe(
      [
        'Troops advance near the river',
        '',
        'KYIV, Feb 15 (Agency) - Forces advanced near the river, the military said on Wednesday.',
        '',
        '"The enemy continues to attack," the general staff said.',
      ].join('\n'),
    );
    expect(furniture.map((f) => f.rule)).toEqual(['advertisement', 'caption-credit', 'production-credits', 'related-links', 'related-links', 'related-links']);
  });

  it('keeps a closing line that is a sentence even after a "Related" label', () => {
    const raw = 'First paragraph.\n\nRelated\n\nThe last sentence of the article.';
    expect(cleanText(raw).furniture).toEqual([{ text: 'Related', rule: 'related-links' }]);
  });
});
