import { parseDocument } from 'yaml';

export type YamlResult = { ok: true; value: unknown } | { ok: false; line: number | null; message: string };

/**
 * Parses YAML with the YAML 1.2 core schema, so `2022-03-02` stays the string "2022-03-02"
 * (no Date, no time-zone shift) even under a `%YAML 1.1` directive. `lineOffset` is added to
 * reported line numbers (front matter starts one line into the file).
 */
export function parseYaml(text: string, lineOffset = 0): YamlResult {
  const doc = parseDocument(text, { schema: 'core', version: '1.2', uniqueKeys: true, prettyErrors: true });
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    const first = err.message.split('\n')[0] ?? err.message;
    const message = first.replace(/\s+at line \d+, column \d+:?\s*$/, '').trim();
    return { ok: false, line: pos ? pos.line + lineOffset : null, message };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
}

export function describeYamlError(r: { line: number | null; message: string }): string {
  return r.line != null ? `line ${r.line}: ${r.message}` : r.message;
}

/** A `key: value` line whose plain value itself contains ": " (which YAML forbids without quotes). */
const LOOSE_VALUE = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*)(:[ \t]+)(.*?)\s*$/;

export type LenientYamlResult =
  | { ok: true; value: unknown; repaired: { line: number; key: string }[] }
  | { ok: false; line: number | null; message: string };

/**
 * parseYaml, and when that fails, one common archivist's slip is read as meant: an unquoted value
 * containing ": " (`notes: captions ("Photo: ...") are ...`) is taken as text to the end of its line.
 * Only when the repaired text then parses is it accepted; `repaired` lists the lines read that way.
 * Otherwise the original error is returned.
 */
export function parseYamlLenient(text: string, lineOffset = 0): LenientYamlResult {
  const strict = parseYaml(text, lineOffset);
  if (strict.ok) return { ok: true, value: strict.value, repaired: [] };
  const repaired: { line: number; key: string }[] = [];
  const lines = text.split('\n').map((line, i) => {
    const m = LOOSE_VALUE.exec(line);
    if (!m) return line;
    const value = m[4]!;
    if (value === '' || /^['"[{|>&*!%@`#]/.test(value) || !/:\s/.test(value)) return line;
    const stripped = value.replace(/\s+#.*$/, ''); // a trailing " # comment" stays a comment
    repaired.push({ line: i + 1 + lineOffset, key: m[2]! });
    return `${m[1]}${m[2]}${m[3]}${JSON.stringify(stripped)}${stripped === value ? '' : value.slice(stripped.length)}`;
  });
  if (repaired.length === 0) return strict;
  const second = parseYaml(lines.join('\n'), lineOffset);
  if (!second.ok) return strict;
  return { ok: true, value: second.value, repaired };
}
