/**
 * TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html): one slide per timeline
 * item, dates as year/month/day parts (strings, as in the format's examples), the item id as
 * `unique_id`, grouped by speaker (statements) or event type (events).
 */
import { describeEdtf, isInexact, readEdtf } from './edtf';
import type { ExportEntry, ExportEvidence, ExportTimeSpan } from './types';

export interface TimelineJsDate {
  year: string;
  month?: string;
  day?: string;
  hour?: string;
  minute?: string;
  display_date?: string;
}

export interface TimelineJsSlide {
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  display_date?: string;
  text: { headline: string; text: string };
  group: string;
  unique_id: string;
}

export interface TimelineJsDocument {
  title: { text: { headline: string; text: string } };
  events: TimelineJsSlide[];
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const shorten = (s: string, n = 110): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= n ? flat : `${flat.slice(0, n - 1).trimEnd()}…`;
};

function dateParts(iso: string, withTime: boolean): TimelineJsDate | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const parts: TimelineJsDate = { year: String(d.getUTCFullYear()), month: String(d.getUTCMonth() + 1), day: String(d.getUTCDate()) };
  if (withTime) {
    parts.hour = String(d.getUTCHours());
    parts.minute = String(d.getUTCMinutes());
  }
  return parts;
}

const utcDay = (s: string): string => {
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s.slice(0, 10) : d.toISOString().slice(0, 10);
};
const sameDay = (a: string, b: string) => utcDay(a) === utcDay(b);

/** start_date/end_date (end only for a span longer than a day) and a display_date for inexact dates. */
export function slideDates(at: ExportTimeSpan): Pick<TimelineJsSlide, 'start_date' | 'end_date' | 'display_date'> {
  const r = readEdtf(at.edtf);
  const withTime = r.parts.every((p) => p.precision === 'time');
  const start = dateParts(at.earliest, withTime) ?? { year: at.edtf.slice(0, 4) };
  const out: Pick<TimelineJsSlide, 'start_date' | 'end_date' | 'display_date'> = { start_date: start };
  if (!sameDay(at.earliest, at.latest)) {
    const end = dateParts(at.latest, withTime);
    if (end) out.end_date = end;
  }
  if (isInexact(at)) {
    const described = describeEdtf(at.edtf);
    out.display_date = described === at.edtf ? at.edtf : `${described} (EDTF ${at.edtf})`;
  }
  return out;
}

function evidenceHtml(evidence: ExportEvidence[]): string {
  if (!evidence.length) return '';
  const items = evidence.map((e) => {
    const title = escapeHtml(e.document.title);
    const source = e.document.url ? `<a href="${escapeHtml(e.document.url)}">${title}</a>` : title;
    return `<blockquote>${escapeHtml(e.excerpt)}</blockquote><p>— ${source}</p>`;
  });
  return `<h4>Evidence</h4>${items.join('')}`;
}

function whenHtml(at: ExportTimeSpan): string {
  const said = at.text ? ` (“${escapeHtml(at.text)}”)` : '';
  return `<p><b>When:</b> ${escapeHtml(describeEdtf(at.edtf))}${said}</p>`;
}

export function toTimelineJsSlide(entry: ExportEntry): TimelineJsSlide {
  const { at, item } = entry;
  if (item.__typename === 'Statement') {
    const who = item.speaker?.name ?? item.speakerText ?? 'Unattributed';
    const words = item.kind === 'QUOTE' ? `“${item.quote ?? item.text}”` : item.text;
    const lines = [
      `<p>${escapeHtml(item.kind === 'QUOTE' ? `“${item.quote ?? item.text}”` : item.text)}</p>`,
      `<p><b>Speaker:</b> ${escapeHtml(who)}${item.speakerText && item.speakerText !== who ? ` (as written: “${escapeHtml(item.speakerText)}”)` : ''}</p>`,
      item.channel ? `<p><b>Channel:</b> ${escapeHtml(item.channel)}</p>` : '',
      whenHtml(at),
      item.saidIn ? `<p><b>Where:</b> ${escapeHtml(item.saidIn.name)}</p>` : '',
      item.contradicts.length ? `<p><b>Contradicts:</b> ${item.contradicts.map(escapeHtml).join(', ')}</p>` : '',
      evidenceHtml(item.evidence),
    ];
    return {
      ...slideDates(at),
      text: { headline: escapeHtml(shorten(`${who}: ${words}`)), text: lines.join('') },
      group: who,
      unique_id: item.id,
    };
  }
  const lines = [
    `<p>${escapeHtml(item.label)}</p>`,
    `<p><b>Type:</b> ${escapeHtml(item.type)}</p>`,
    whenHtml(at),
    item.places.length ? `<p><b>Where:</b> ${escapeHtml(item.places.map((p) => p.name).join(', '))}</p>` : '',
    item.participants.length ? `<p><b>Participants:</b> ${escapeHtml(item.participants.map((p) => p.name).join(', '))}</p>` : '',
    evidenceHtml(item.evidence),
  ];
  return {
    ...slideDates(at),
    text: { headline: escapeHtml(shorten(item.label)), text: lines.join('') },
    group: `Event: ${item.type}`,
    unique_id: item.id,
  };
}

export function toTimelineJs(entries: ExportEntry[], title = 'Annals timeline'): TimelineJsDocument {
  const statements = entries.filter((e) => e.item.__typename === 'Statement').length;
  return {
    title: {
      text: {
        headline: escapeHtml(title),
        text: `<p>${statements} statements and ${entries.length - statements} events from the Annals archive.</p>`,
      },
    },
    events: entries.map(toTimelineJsSlide),
  };
}
