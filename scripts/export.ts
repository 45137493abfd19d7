/**
 * npm run export -- --format timelinejs|csv|jsonld [--entity ID]... [--document ID]... [--from DATE] [--to DATE]
 * Writes the filtered timeline to standard output (the same as GET /export/<format>).
 * DATE: a year, month, day (2022, 2022-03, 2022-03-02) or an ISO 8601 date-time with offset.
 * Exit status: 0 done, 1 failed, 2 bad usage.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { executeGraphQL } from '../src/api/execute';
import { loadConfig } from '../src/config';
import { openArchive } from '../src/db/connect';
import { describeError } from '../src/errors';
import { renderExport } from '../src/export';
import { ExportInputError, parseExportFilter } from '../src/export/filter';
import { GraphQLTimelineSource, TimelineQueryError } from '../src/export/graphql-source';
import { EXPORT_FORMATS, type ExportFormat } from '../src/export/types';

const USAGE = 'usage: npm run export -- --format timelinejs|csv|jsonld [--entity ID]... [--document ID]... [--from DATE] [--to DATE]';

class UsageError extends Error {}

function readOptions(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        format: { type: 'string', short: 'f' },
        entity: { type: 'string', multiple: true },
        document: { type: 'string', multiple: true },
        from: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return null;
  if (!v.format) throw new UsageError('--format is required');
  if (!(EXPORT_FORMATS as readonly string[]).includes(v.format)) throw new UsageError(`unknown format "${v.format}" (use ${EXPORT_FORMATS.join(', ')})`);
  try {
    return { format: v.format as ExportFormat, filter: parseExportFilter({ entity: v.entity, document: v.document, from: v.from, to: v.to }) };
  } catch (e) {
    if (e instanceof ExportInputError) throw new UsageError(e.message);
    throw e;
  }
}

async function main(): Promise<number> {
  let opts;
  try {
    opts = readOptions(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`annals export: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (!opts) {
    console.log(USAGE);
    return 0;
  }
  const archive = await openArchive(loadConfig(), (m) => console.error(`annals: ${m}`));
  try {
    const source = new GraphQLTimelineSource((query, variables) => executeGraphQL(archive.services, query, variables));
    const entries = await source.fetchTimeline(opts.filter);
    const out = renderExport(opts.format, entries);
    await new Promise<void>((resolve, reject) => process.stdout.write(out.body, (err) => (err ? reject(err) : resolve())));
    console.error(`annals: exported ${entries.length} item${entries.length === 1 ? '' : 's'} as ${opts.format}`);
    return 0;
  } catch (e) {
    if (e instanceof TimelineQueryError) {
      console.error(`annals export: ${e.message} (${e.code})`);
      return e.code === 'BAD_USER_INPUT' ? 2 : 1;
    }
    throw e;
  } finally {
    await archive.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`annals export: ${describeError(e)}`);
    process.exit(1);
  },
);
