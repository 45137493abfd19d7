/**
 * npm run seed -- PATH... [--json]
 * Ingests files and folders with a progress bar (or one JSON summary with --json).
 * Exit status 1 when any file failed; each failure is named by path and reason.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openArchive } from '../src/db/connect';
import { describeError } from '../src/errors';
import { ingestPaths } from '../src/services/ingest.service';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help || positionals.length === 0) {
    console.error('usage: npm run seed -- PATH... [--json]');
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const say = values.json ? () => undefined : (m: string) => console.error(`annals: ${m}`);
  const archive = await openArchive(config, say);
  try {
    const summary = await ingestPaths(archive.services, positionals, { progress: !values.json && process.stderr.isTTY });
    if (values.json) {
      console.log(JSON.stringify(summary, null, 2));
    } else {
      console.log(`added ${summary.added.length}, updated ${summary.updated.length}, unchanged ${summary.unchanged.length}, failed ${summary.failed.length}`);
      for (const w of summary.warnings) console.log(`warning: ${w.path}: ${w.reason}`);
      for (const f of summary.failed) console.log(`failed: ${f.path}: ${f.reason}`);
      const c = summary.counts;
      console.log(`archive: ${c.documents} documents, ${c.entities} entities, ${c.statements} statements, ${c.events} events`);
    }
    return summary.failed.length ? 1 : 0;
  } finally {
    await archive.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`annals seed: ${describeError(e)}`);
    process.exit(1);
  },
);
