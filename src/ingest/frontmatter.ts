/**
 * YAML front matter at the start of a .md or .txt file:
 *
 *   ---
 *   title: ...
 *   published: 2022-03-02
 *   ---
 *   The text...
 */
import { IngestError } from './errors.js';
import { isPlainObject, validateMeta, type MetaFields } from './meta.js';
import { parseYamlLenient } from './yaml-util.js';

export interface FrontMatterSplit {
  /** The front matter's metadata, or null when the file has none. */
  meta: MetaFields | null;
  /** The text after the front matter (all of it when there is none). */
  body: string;
  /** Lines the front matter took (including both fences), 0 when none. */
  lines: number;
  /** Slips read as meant (an unquoted value containing ": "). */
  warnings: string[];
}

const KEY_LINE = /^[A-Za-z_][\w .-]*:(\s|$)/;

/**
 * Splits front matter from the text (line endings already "\n"). Front matter is recognized when the
 * first line is exactly `---` and the next non-blank line looks like `key:`; it must then be closed by a
 * `---` (or `...`) line, be valid YAML and a mapping, else IngestError names the line.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const none: FrontMatterSplit = { meta: null, body: text, lines: 0, warnings: [] };
  const lines = text.split('\n');
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return none;
  const firstContent = lines.slice(1).find((l) => l.trim() !== '');
  if (firstContent === undefined || !KEY_LINE.test(firstContent)) return none;

  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[i]!)) {
      close = i;
      break;
    }
  }
  if (close < 0) throw new IngestError('broken YAML front matter: opened with --- on line 1 but never closed with a --- line');

  const yamlText = lines.slice(1, close).join('\n');
  const parsed = parseYamlLenient(yamlText, 1);
  if (!parsed.ok) {
    const where = parsed.line != null ? `line ${parsed.line}` : 'front matter';
    throw new IngestError(`broken YAML front matter at ${where}: ${parsed.message}`);
  }
  const value = parsed.value;
  if (value !== null && value !== undefined && !isPlainObject(value)) {
    throw new IngestError('broken YAML front matter: expected "key: value" lines between the --- lines');
  }
  const { meta, problems } = validateMeta(value ?? {});
  if (problems.length) throw new IngestError(`invalid front matter: ${problems.join('; ')}`);
  const warnings = parsed.repaired.map(
    (r) => `front matter line ${r.line}: the value of "${r.key}:" contains ": ", which YAML allows only in quotes; read as text to the end of the line`,
  );
  return { meta, body: lines.slice(close + 1).join('\n'), lines: close + 1, warnings };
}
