/**
 * npm run db -- start [--port N] [--data DIR] | stop [--data DIR] | status [--data DIR]
 * The project's local Neo4j. `start` prints the bolt:// URI on its last line.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { LocalNeo4jError, start, status, stop } from '../src/db/local-neo4j';

const usage = 'usage: npm run db -- start [--port N] [--data DIR] | stop [--data DIR] | status [--data DIR]';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const config = loadConfig();
  const command = positionals[0];
  if (values.help || !command) {
    console.log(usage);
    return command ? 0 : 2;
  }
  const dataDir = values.data ?? config.dataDir;
  switch (command) {
    case 'start': {
      const port = values.port !== undefined ? Number(values.port) : config.localBoltPort;
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new LocalNeo4jError(`--port must be a port number, got "${values.port}"`);
      const info = await start({ dataDir, port, password: config.neo4jPassword, heap: config.heap, pageCache: config.pageCache });
      console.log(`Neo4j started (pid ${info.pid}, data ${info.dataDir}, logs ${info.dataDir}/logs)`);
      console.log(info.uri);
      return 0;
    }
    case 'stop': {
      const stopped = await stop(dataDir);
      console.log(stopped ? `Neo4j stopped (data ${dataDir})` : `Neo4j is not running (data ${dataDir})`);
      return 0;
    }
    case 'status': {
      const info = status(dataDir);
      console.log(info ? `running: pid ${info.pid}, ${info.uri}, data ${info.dataDir}` : `not running (data ${dataDir})`);
      return info ? 0 : 3;
    }
    default:
      console.error(`unknown command "${command}"\n${usage}`);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`annals db: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
