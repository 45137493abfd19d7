#!/usr/bin/env node
// Fetches the Neo4j 5.26 LTS Community server's jars from Maven Central into .neo4j/lib
// (git-ignored), using the small Maven project in scripts/neo4j. Runs as npm's postinstall.
// A second install finds the marker file and downloads nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pom = join(root, 'scripts', 'neo4j', 'pom.xml');
const lib = join(root, '.neo4j', 'lib');
const marker = join(root, '.neo4j', 'installed.json');
const version = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(pom, 'utf8'))?.[1];

if (process.env.ANNALS_SKIP_NEO4J_INSTALL === '1') {
  console.log('annals: ANNALS_SKIP_NEO4J_INSTALL=1, not fetching the local Neo4j (use NEO4J_URI).');
  process.exit(0);
}
if (existsSync(marker)) {
  try {
    const m = JSON.parse(readFileSync(marker, 'utf8'));
    if (m.version === version && existsSync(join(lib, `neo4j-${version}.jar`))) {
      console.log(`annals: local Neo4j ${version} already installed in .neo4j/lib`);
      process.exit(0);
    }
  } catch {
    /* reinstall below */
  }
}
const mvn = spawnSync('mvn', ['--version'], { stdio: 'ignore' });
if (mvn.error || mvn.status !== 0) {
  console.warn(
    'annals: Maven (mvn) not found, so the local Neo4j was not installed. ' +
      'Install Maven and Java 17 and run `npm install` again, or point Annals at a Neo4j with NEO4J_URI.',
  );
  process.exit(0);
}
console.log(`annals: fetching Neo4j ${version} Community from Maven Central into .neo4j/lib ...`);
rmSync(lib, { recursive: true, force: true });
mkdirSync(lib, { recursive: true });
const r = spawnSync('mvn', ['-q', '-B', '-f', pom, 'package'], { stdio: 'inherit' });
if (r.status !== 0) {
  console.error('annals: fetching Neo4j with Maven failed (see above). Check the network to Maven Central and run `npm install` again.');
  process.exit(1);
}
writeFileSync(marker, JSON.stringify({ version, installedAt: new Date().toISOString() }, null, 2));
console.log(`annals: Neo4j ${version} installed.`);
