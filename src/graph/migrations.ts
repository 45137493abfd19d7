/**
 * Versioned Cypher migrations from schema/migrations/NNNN_name.cypher, applied in order at start,
 * each once; the applied versions are recorded as (:AnnalsMigration {version, name, appliedAt}).
 *
 * Every statement is idempotent (IF NOT EXISTS), so two processes starting at once may both run a
 * pending migration without harm; the record is MERGEd, so it is written once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../config';
import type { Executor } from './executor';
import { GraphError } from './errors';

export const MIGRATIONS_DIR = resolve(PROJECT_ROOT, 'schema', 'migrations');

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/** Splits a Cypher file into statements on `;` at line ends, dropping `//` comment lines. */
export function parseMigration(file: string, source: string): Migration {
  const m = /^(\d{4})_([\w-]+)\.cypher$/.exec(file);
  if (!m) throw new Error(`Migration file name must look like 0001_name.cypher: ${file}`);
  const body = source
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n');
  const statements = body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { version: Number(m[1]), name: m[2], statements };
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const list = readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => parseMigration(f, readFileSync(join(dir, f), 'utf8')));
  list.forEach((m, i) => {
    if (i > 0 && m.version <= list[i - 1].version) throw new Error(`Duplicate migration version ${m.version}`);
  });
  return list;
}

const isTransientSchemaRace = (e: unknown) =>
  /EquivalentSchemaRuleAlreadyExists|IndexAlreadyExists|ConstraintAlreadyExists|already exists|DeadlockDetected/i.test(
    `${(e as GraphError)?.cause && ((e as GraphError).cause as { code?: string }).code} ${(e as Error)?.message}`,
  );

/** Applies pending migrations; returns the versions it applied. */
export async function migrate(executor: Executor, migrations = loadMigrations()): Promise<number[]> {
  const rows = await executor.query<{ version: number }>('MATCH (m:AnnalsMigration) RETURN m.version AS version');
  const applied = new Set(rows.map((r) => r.version));
  const done: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    for (const statement of m.statements) {
      for (let attempt = 0; ; attempt++) {
        try {
          await executor.schema(statement);
          break;
        } catch (e) {
          // Another process created the same rule a moment ago: IF NOT EXISTS lost the race.
          if (attempt < 3 && isTransientSchemaRace(e)) continue;
          if (isTransientSchemaRace(e)) break;
          throw e;
        }
      }
    }
    await executor.write((tx) =>
      tx.run('MERGE (m:AnnalsMigration {version: $version}) ON CREATE SET m.name = $name, m.appliedAt = datetime()', {
        version: m.version,
        name: m.name,
      }),
    );
    done.push(m.version);
  }
  await executor.schema('CALL db.awaitIndexes(300)');
  return done;
}
