/**
 * The project's own local Neo4j 5.26 Community server: started from the jars that
 * `npm install` fetched into .neo4j/lib, one instance per data folder, bound to 127.0.0.1.
 *
 * Layout of a data folder:
 *   conf/neo4j.conf   written at every start from the options
 *   data/             the store (data/dbms/auth.ini holds the password set before the first start)
 *   logs/             neo4j.log, debug.log, console.log (the JVM's stdout/stderr)
 *   run/annals.json   pid, port and URI of the running instance
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../config';

/** Where `npm install` put the server's jars (ANNALS_NEO4J_LIB overrides it). */
export const NEO4J_LIB = resolve(process.env.ANNALS_NEO4J_LIB || resolve(PROJECT_ROOT, '.neo4j', 'lib'));

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface StartOptions {
  dataDir: string;
  port: number;
  password: string;
  heap?: string;
  pageCache?: string;
  /** How long to wait for Bolt to answer, in ms. */
  timeoutMs?: number;
}

export interface RunningInfo {
  pid: number;
  port: number;
  uri: string;
  dataDir: string;
  startedAt: string;
}

const runFile = (dataDir: string) => join(dataDir, 'run', 'annals.json');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running instance of this data folder, or null (a stale run file is removed). */
export function status(dataDir: string): RunningInfo | null {
  const file = runFile(resolve(dataDir));
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as RunningInfo;
    if (isAlive(info.pid)) return info;
  } catch {
    /* unreadable: treat as stale */
  }
  rmSync(file, { force: true });
  return null;
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => res(true)));
  });
}

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

function checkJava(): void {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new LocalNeo4jError('Java was not found on PATH: install Java 17 (e.g. apt-get install openjdk-17-jre-headless), or set NEO4J_URI to use another Neo4j.');
  }
  const m = /version "(\d+)/.exec(r.stderr + r.stdout);
  if (m && Number(m[1]) < 17) {
    throw new LocalNeo4jError(`Neo4j 5 needs Java 17 or newer; found Java ${m[1]}.`);
  }
}

function checkJars(): void {
  const ok = existsSync(NEO4J_LIB) && readdirSync(NEO4J_LIB).some((f) => /^neo4j-5\.26\.[\d.]+\.jar$/.test(f));
  if (!ok) {
    throw new LocalNeo4jError(`The Neo4j jars are missing from ${NEO4J_LIB}: run \`npm install\` (it fetches them with Maven).`);
  }
}

function writeConf(dataDir: string, port: number, heap: string, pageCache: string): void {
  const conf: string[] = [
    '# Written by Annals at every start; edit the options, not this file.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${port}`,
    'server.bolt.enabled=true',
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    `server.memory.heap.initial_size=${heap}`,
    `server.memory.heap.max_size=${heap}`,
    `server.memory.pagecache.size=${pageCache}`,
    `server.directories.data=${join(dataDir, 'data')}`,
    `server.directories.logs=${join(dataDir, 'logs')}`,
    `server.directories.run=${join(dataDir, 'run')}`,
    `server.directories.plugins=${join(dataDir, 'plugins')}`,
    `server.directories.import=${join(dataDir, 'import')}`,
    'dbms.usage_report.enabled=false',
    'db.logs.query.enabled=OFF',
  ];
  // Extra settings (ANNALS_NEO4J_CONF, separated by ";" or new lines) replace or add to these.
  for (const line of (process.env.ANNALS_NEO4J_CONF ?? '').split(/\n|;/).map((l) => l.trim()).filter(Boolean)) {
    const key = line.split('=')[0].trim();
    const at = conf.findIndex((l) => l.split('=')[0] === key);
    if (at >= 0) conf[at] = line;
    else conf.push(line);
  }
  conf.push('');
  writeFileSync(join(dataDir, 'conf', 'neo4j.conf'), conf.join('\n'));
}

function javaEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: join(dataDir, 'conf') };
}

/** The reason in a Java tool's failure output: its first line that is not a stack frame, without the exception's class. */
export function javaFailure(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const reason = lines.find((l) => !/^(at |\.\.\. \d+ more|Caused by:)/.test(l)) ?? lines.at(-1) ?? 'no output';
  return reason.replace(/^(?:[\w$]+\.)+[\w$]*(?:Exception|Error):\s*/, '');
}

const classpath = () => `${NEO4J_LIB}/*`;

function tail(file: string, lines = 8): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function waitForBolt(uri: string, password: string, pid: number, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      throw new LocalNeo4jError(`Neo4j exited during start. Last lines of ${logFile}:\n${tail(logFile)}`);
    }
    const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { connectionTimeout: 2000, logging: undefined });
    try {
      await driver.verifyConnectivity();
      await driver.close();
      return;
    } catch (e) {
      last = e;
      await driver.close().catch(() => undefined);
      const code = (e as { code?: string }).code ?? '';
      if (code.includes('Unauthorized') || code.includes('AuthenticationRateLimit')) {
        throw new LocalNeo4jError(
          `Neo4j refused the password for user neo4j: this data folder was created with another NEO4J_PASSWORD. ` +
            `Set NEO4J_PASSWORD to that one, or start with a new data folder.`,
        );
      }
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new LocalNeo4jError(`Neo4j did not answer on ${uri} within ${Math.round(timeoutMs / 1000)} s (${String(last)}). See ${logFile}.`);
}

/** Starts the server for a data folder and returns once Bolt answers. */
export async function start(opts: StartOptions): Promise<RunningInfo> {
  const dataDir = resolve(opts.dataDir);
  checkJava();
  checkJars();
  const running = status(dataDir);
  if (running) {
    throw new LocalNeo4jError(`The data folder ${dataDir} is already in use by a running Neo4j (pid ${running.pid}, ${running.uri}).`);
  }
  if (!(await portIsFree(opts.port))) {
    throw new LocalNeo4jError(`Port ${opts.port} on 127.0.0.1 is already taken: choose another with --port (or ANNALS_NEO4J_PORT).`);
  }
  for (const d of ['conf', 'data', 'logs', 'run', 'plugins', 'import']) mkdirSync(join(dataDir, d), { recursive: true });
  writeConf(dataDir, opts.port, opts.heap ?? '768m', opts.pageCache ?? '512m');

  if (!existsSync(join(dataDir, 'data', 'dbms', 'auth.ini'))) {
    // The password must be set before the very first start of a store.
    const r = spawnSync('java', ['-cp', classpath(), 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', opts.password], {
      env: javaEnv(dataDir),
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      throw new LocalNeo4jError(`Setting the initial Neo4j password failed: ${javaFailure(r.stderr || r.stdout)}`);
    }
  }

  const logFile = join(dataDir, 'logs', 'console.log');
  const out = openSync(logFile, 'a');
  const heap = opts.heap ?? '768m';
  const child = spawn(
    'java',
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      ...(process.env.ANNALS_NEO4J_JVM_OPTS ?? '').split(/\s+/).filter(Boolean),
      '-cp',
      classpath(),
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${dataDir}`,
      `--config-dir=${join(dataDir, 'conf')}`,
    ],
    { env: javaEnv(dataDir), detached: true, stdio: ['ignore', out, out], cwd: dataDir },
  );
  closeSync(out);
  child.unref();
  const pid = child.pid;
  if (!pid) throw new LocalNeo4jError('Could not start the java process.');
  const uri = `bolt://127.0.0.1:${opts.port}`;
  const info: RunningInfo = { pid, port: opts.port, uri, dataDir, startedAt: new Date().toISOString() };
  writeFileSync(runFile(dataDir), JSON.stringify(info, null, 2));
  try {
    await waitForBolt(uri, opts.password, pid, logFile, opts.timeoutMs ?? 180_000);
  } catch (e) {
    await stop(dataDir).catch(() => undefined);
    throw e;
  }
  return info;
}

/** Stops the server of a data folder; waits until the JVM has exited. Returns false when none ran. */
export async function stop(dataDir: string, timeoutMs = 60_000): Promise<boolean> {
  const info = status(dataDir);
  if (!info) return false;
  const kill = (sig: NodeJS.Signals) => {
    try {
      process.kill(info.pid, sig);
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(info.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(info.pid)) {
    kill('SIGKILL');
    while (isAlive(info.pid)) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(runFile(resolve(dataDir)), { force: true });
  return true;
}
