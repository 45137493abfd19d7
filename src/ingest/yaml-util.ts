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
