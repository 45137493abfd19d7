/**
 * Separating site furniture from article text, by general rules (no site- or article-specific lists).
 *
 * Whole lines are removed or kept; a kept line's characters are never changed (quotes, dashes and
 * spacing inside it stay). Besides removing furniture lines, cleaning only normalizes line endings
 * to "\n", drops trailing spaces, trims blank lines at the start and end, and collapses runs of
 * more than two blank lines to two. See README.md for the rules.
 */

export interface Furniture {
  text: string;
  rule: string;
}

export interface CleanResult {
  text: string;
  furniture: Furniture[];
}

interface LineRule {
  rule: string;
  test: (line: string) => boolean;
}

/** The line ends like a sentence (optionally inside closing quotes or brackets). */
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/u;
/** Another sentence starts inside the string ("... Smith. The fighting ..."). */
const SENTENCE_INSIDE = /[.!?]["'”’]?\s+["“‘']?\p{Lu}\p{Ll}/u;

// ---------------------------------------------------------------------------------------------
// Captions and credits

/** "Photo: ...", "Image: ...", "Credit: ..." (capitalized or upper-case label). */
const CREDIT_LABEL =
  /(?:^|\s|[.(\[|–—-])(?:Photo(?:graph)?s?|PHOTO(?:GRAPH)?S?|Images?|IMAGES?|Pictures?|PICTURES?|Credits?|CREDITS?|Illustration|ILLUSTRATION|Photo illustration|Video|VIDEO|Footage)\s*:\s*(\S.*)$/u;
/** "(Photo by ...)" / "(Image: ...)" closing the line. */
const CREDIT_PAREN = /\((?:photo(?:graph)?|image|picture|video)s?(?:\s+by|\s+credit|\s+courtesy(?: of)?|\s*:)\s*[^()]{1,150}\)$/iu;
/** A line opening with "Photo by ..." / "Photograph courtesy of ...". */
const CREDIT_START = /^(?:photo(?:graph)?|image|picture)s?\s+(?:by|courtesy of|credit)\s+\S/iu;
/** "Name Surname/AGENCY" or "Name/AGENCY/AGENCY via Service" closing the line: the photographer/agency convention. */
const AGENCY_SLASH =
  /(?:^|\s)\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){1,3}\/\p{Lu}[\p{L}&-]*(?:\/\p{Lu}[\p{L}&-]*)*(?:\s+via\s+\p{Lu}[\p{L}&-]*(?:\s+\p{Lu}[\p{L}&-]*)?)?$/u;
/** "REUTERS/Jane Roe", "AP Photo/Jane Roe", "Getty Images/Jane Roe" closing the line: agency first, then the photographer. */
const AGENCY_FIRST =
  /(?:^|\s)(?:\p{Lu}{2,}(?:\s\p{Lu}{2,})*(?:\s+Photo)?|\p{Lu}\p{L}+ Images)\/\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3}$/u;
/** "handout via X", "pool photo via X". */
const HANDOUT_VIA = /\b(?:handout|pool(?: photo)?|file photo)\b.{0,60}\bvia\s+\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*)?$/iu;

function isCaption(line: string): boolean {
  if (line.length > 400) return false;
  const label = CREDIT_LABEL.exec(line);
  if (label) {
    const tail = label[1]!;
    if (tail.length <= 150 && !SENTENCE_INSIDE.test(tail)) return true;
  }
  if (line.length > 300) return false;
  if (CREDIT_PAREN.test(line)) return true;
  if (CREDIT_START.test(line) && line.length <= 200) return true;
  if (line.includes('©')) return true;
  if (!ENDS_SENTENCE.test(line) && (AGENCY_SLASH.test(line) || AGENCY_FIRST.test(line) || HANDOUT_VIA.test(line))) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Navigation, promotion, notices

const ADVERTISEMENT =
  /^(?:advertisements?|advertising|sponsored(?: content)?|paid (?:post|content|partner content)|(?:video )?ad feedback|ad|remove ads|(?:story|article) continues below(?: this)?(?: advertisement| ad)?|continue reading(?: below| the main story)?|scroll to continue(?: with content)?)$/iu;

const SKIP_LINK = /^(?:skip (?:to|navigation)\b.{0,40}|jump to (?:content|navigation|main content))$/iu;

const SHARE =
  /^(?:share|share this(?: article| story| post| page| video)?|share (?:on|via|to) .{1,40}|tweet|e-?mail|print|copy link|copy url|link copied|save(?: article| for later)?|bookmark|comments?|\d+ comments?|(?:show|view|read) comments|leave a (?:comment|reply)|add a comment|join the conversation|gift (?:this )?article)\s*:?$/iu;

const SOCIAL_WORDS = new Set([
  'share', 'facebook', 'twitter', 'x', 'email', 'e-mail', 'mail', 'print', 'whatsapp', 'linkedin', 'reddit',
  'pinterest', 'telegram', 'messenger', 'tumblr', 'flipboard', 'copy', 'link', 'tweet', 'comments', 'comment', 'sms',
  'bluesky', 'threads', 'mastodon', 'instagram', 'youtube', 'tiktok', 'on', 'via', 'this', 'article', 'story',
]);
function isSocialRow(line: string): boolean {
  if (line.length > 120) return false;
  const words = line.toLowerCase().split(/[\s|·•,/:]+/).filter(Boolean);
  if (words.length === 0 || words.every((w) => ['on', 'via', 'this', 'article', 'story'].includes(w))) return false;
  return words.every((w) => SOCIAL_WORDS.has(w));
}

/** "Read more Russia pushes on": may be followed directly by a linked headline. */
const READ_MORE = /^(?:read more|read next|read also|also read|see also)\b(.*)$/iu;
/** "Related", "Most read: ...": a label alone, or followed by a separator. */
const RELATED_LABEL =
  /^(?:more from\b[^:.]{0,40}|more on (?:this|that)(?: story)?|related(?: articles?| stories| content| coverage| links| reading| topics| news)?|recommended(?: for you| reading| stories| articles)?|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|you (?:may|might) also (?:like|be interested in)|don['’]t miss|editor['’]?s picks?|top stories|latest (?:news|stories|videos?)|watch(?: now| next| live)?|up next)\s*(.*)$/iu;
const SEPARATOR_START = /^[:»›>|–—-]/u;
function isRelated(line: string): boolean {
  if (line.length > 200) return false;
  const more = READ_MORE.exec(line);
  if (more) {
    const rest = more[1]!.trim();
    return rest === '' || SEPARATOR_START.test(rest) || !ENDS_SENTENCE.test(line);
  }
  const label = RELATED_LABEL.exec(line);
  if (!label) return false;
  const rest = label[1]!.trim();
  return rest === '' || SEPARATOR_START.test(rest);
}

function isNewsletter(line: string): boolean {
  if (line.length > 250) return false;
  if (/^(?:sign up|subscribe)\b.{0,150}\b(?:newsletters?|inbox|alerts?|briefings?|updates)\b/iu.test(line)) return true;
  if (/^(?:get|receive|join)\b.{0,100}\b(?:newsletters?|(?:in|to) your inbox)\b/iu.test(line)) return true;
  return (
    line.length <= 200 &&
    !/["“”]/u.test(line) &&
    /\b(?:our|free|daily|weekly) newsletters?\b|\b(?:to|in) your inbox\b/iu.test(line)
  );
}

function isCookieNotice(line: string): boolean {
  if (line.length > 500 || !/\bcookies?\b/iu.test(line)) return false;
  const siteVoice = /\b(?:we|our|us|you|your|this (?:web)?site)\b/iu.test(line);
  return siteVoice && /\b(?:accept|agree|consent|settings|preferences|cookie policy|privacy policy|uses? cookies|use of cookies)\b/iu.test(line);
}

const COPYRIGHT = /^(?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*|\(c\)\s*)?\d{4})|\ball rights reserved\.?$/iu;

const MEDIA_CONTROL =
  /^(?:(?:image|photo|picture|slide|video)\s+\d+\s+(?:of|\/)\s+\d+|\d+\s*\/\s*\d+|enlarge (?:this )?image|toggle caption|hide caption|show caption|expand(?: image)?|close|view (?:image|gallery|photos?|slideshow)|open gallery|\d+ (?:photos|images|pictures)|play(?: video)?|replay|mute|unmute|full ?screen|now playing|loading(?:\.\.\.|…)?)$/iu;

const READING_AIDS =
  /^(?:\d+\s*(?:-\s*)?min(?:ute)?s?\s+read|listen(?: to (?:this|the) (?:article|story))?(?:\s*\(?\d+:\d+\)?|\s+\d+ min(?:ute)?s?)?|audio|print this (?:article|page)|font size|text size)$/iu;

const TAGS = /^(?:tags|topics|filed under|categories|keywords|related topics)\s*:/iu;

const FOLLOW = /^follow (?:us\b|@\w+|[\p{L} .'-]{1,40} on (?:twitter|x|facebook|instagram|linkedin|bluesky|threads|youtube|tiktok)\b)/iu;

/** Rules applied to every line. */
const EVERYWHERE: LineRule[] = [
  { rule: 'advertisement', test: (l) => ADVERTISEMENT.test(l) },
  { rule: 'skip-link', test: (l) => SKIP_LINK.test(l) },
  { rule: 'share', test: (l) => SHARE.test(l) || isSocialRow(l) },
  { rule: 'related-links', test: isRelated },
  { rule: 'newsletter', test: isNewsletter },
  { rule: 'cookie-notice', test: isCookieNotice },
  { rule: 'copyright', test: (l) => l.length <= 250 && COPYRIGHT.test(l) },
  { rule: 'caption-credit', test: isCaption },
  { rule: 'media-control', test: (l) => MEDIA_CONTROL.test(l) },
  { rule: 'reading-aid', test: (l) => READING_AIDS.test(l) },
  { rule: 'tags', test: (l) => l.length <= 300 && TAGS.test(l) },
  { rule: 'follow', test: (l) => l.length <= 150 && FOLLOW.test(l) },
  { rule: 'production-credits', test: isProductionCredits },
];

// ---------------------------------------------------------------------------------------------
// Rules for the edges of the text only

/** "Previous <headline>" / "Next: <headline>" / "« Older posts": links to neighbouring pages. */
const PREV_NEXT = /^[«‹←<]?\s*(?:previous|prev|next|older|newer)(?:\s+(?:post|article|story|page|entry|item)s?)?(?:\s*[:»›>|←→–—-]\s*|\s+|$)/iu;
function isPrevNext(line: string): boolean {
  return line.length <= 250 && PREV_NEXT.test(line) && !ENDS_SENTENCE.test(line);
}

/** "Home > World > Europe": a trail of short links. */
function isBreadcrumb(line: string): boolean {
  if (line.length > 150 || ENDS_SENTENCE.test(line)) return false;
  const arrows = line.split(/\s+[>›»]\s+/u);
  if (arrows.length >= 2 && arrows.length <= 8 && arrows.every((p) => p.length > 0 && p.length <= 40)) return true;
  // "/" and "|" also separate words in headlines ("Live | Russia invades"): ask for three short parts
  const bars = line.split(/\s+[/|]\s+/u);
  return bars.length >= 3 && bars.length <= 8 && bars.every((p) => p.length > 0 && p.length <= 25);
}

/** "(Reporting by ...; Editing by ...)": the wire's production credits, closing a story. */
const PRODUCTION_CREDITS = /^\(?(?:reporting|writing|editing|additional reporting|compiled|produced|research|graphics?) by\b/iu;

/** Production credits: parenthesized, or several credits ("Reporting by ...; Editing by ..."), or a bare name list. */
function isProductionCredits(line: string): boolean {
  if (line.length > 300 || !PRODUCTION_CREDITS.test(line)) return false;
  return /^\(.*\)$/u.test(line) || /;/.test(line) || !ENDS_SENTENCE.test(line);
}

const TRAILING: LineRule[] = [{ rule: 'prev-next', test: isPrevNext }];
const LEADING: LineRule[] = [{ rule: 'breadcrumb', test: isBreadcrumb }];

/** A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters". */
const BYLINE = /^(?:By|BY|Written by|Words by|Story by)\s+\p{Lu}/u;

function firstRule(rules: LineRule[], line: string): string | null {
  for (const r of rules) if (r.test(line)) return r.rule;
  const composite = compositeRule(line);
  return rules === EVERYWHERE ? composite : null;
}

/** "Advertisement · Scroll to continue": a line made of furniture pieces joined by · • | is furniture. */
function compositeRule(line: string): string | null {
  const parts = line.split(/\s+[·•|]\s+/u);
  if (parts.length < 2) return null;
  let first: string | null = null;
  for (const p of parts) {
    let r: string | null = null;
    for (const rule of EVERYWHERE) if (rule.test(p.trim())) r = r ?? rule.rule;
    if (!r) return null;
    first = first ?? r;
  }
  return first;
}

/** A line that reads like a linked headline (short, not a sentence). */
const isHeadlineLike = (t: string) => t.length <= 150 && !ENDS_SENTENCE.test(t) && !/[,;:]$/u.test(t);

/** A "Related" / "Read next" / "Most read" label standing alone on its line. */
const isBareLabel = (t: string) => {
  const m = READ_MORE.exec(t) ?? RELATED_LABEL.exec(t);
  return !!m && m[1]!.trim().replace(/^[:»›>|–—-]\s*/u, '') === '';
};

/** Separates site furniture from the article text. */
export function cleanText(raw: string): CleanResult {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\f\v\u00a0]+$/u, ''));
  const rule: (string | null)[] = lines.map(() => null);

  const bylines = new Set<string>();
  lines.forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    rule[i] = firstRule(EVERYWHERE, t);
    if (!rule[i] && t.length <= 120 && BYLINE.test(t)) {
      if (bylines.has(t)) rule[i] = 'repeated-byline';
      bylines.add(t);
    }
  });

  // A bare "Read next" / "Related" label followed, to the end, only by headline-like lines or furniture:
  // the lines after it are its links.
  let label = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i]!.trim();
    if (!t) continue;
    if (rule[i] === 'related-links' && isBareLabel(t)) {
      label = i;
      break;
    }
    if (!rule[i] && !isHeadlineLike(t)) break;
  }
  if (label >= 0) {
    for (let i = label + 1; i < lines.length; i++) if (lines[i]!.trim() && !rule[i]) rule[i] = 'related-links';
  }

  // Trailing furniture: from the end, while lines are furniture.
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i]!.trim();
    if (!t) continue;
    if (rule[i]) continue;
    const r = firstRule(TRAILING, t);
    if (!r) break;
    rule[i] = r;
  }
  // Leading furniture: from the start, while lines are furniture.
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (!t) continue;
    if (rule[i]) continue;
    const r = firstRule(LEADING, t);
    if (!r) break;
    rule[i] = r;
  }

  const furniture: Furniture[] = [];
  const kept = lines.map((line, i) => {
    const r = rule[i];
    if (!r) return line;
    furniture.push({ text: line.trim(), rule: r });
    return null;
  });
  return { text: joinKeptLines(kept), furniture };
}

/**
 * Joins lines, where null marks a removed line: blank lines around a removed line merge (the wider
 * run counts, not the sum), runs of more than two blank lines become two, blank lines at the start
 * and end go, and the first line loses its leading spaces.
 */
export function joinKeptLines(lines: (string | null)[]): string {
  const out: string[] = [];
  let run = 0; // blank lines since the last kept or removed line
  let gap = 0; // the widest blank run since the last kept line
  for (const line of lines) {
    if (line === null) {
      gap = Math.max(gap, run);
      run = 0;
      continue;
    }
    if (line.trim() === '') {
      run++;
      continue;
    }
    gap = Math.max(gap, run);
    if (out.length) for (let k = 0; k < Math.min(gap, 2); k++) out.push('');
    out.push(out.length === 0 ? line.replace(/^\s+/u, '') : line);
    gap = 0;
    run = 0;
  }
  return out.join('\n');
}
