/**
 * The Annals server as the benchmark runs it: its own process (so its resident memory is its own),
 * on a free loopback port, over NEO4J_URI. Talks to the benchmark over IPC:
 *   → {type: 'ready', port}            once listening
 *   ← {type: 'stats'} → {type: 'stats', roundTrips, rss, peakRss, heapUsed, cpuMs}
 *   ← {type: 'stop'}                    closes and exits
 */
import { loadConfig } from '../config';
import { freePort } from '../db/local-neo4j';
import { Executor } from '../graph/executor';
import { buildApp } from '../server/app';
import { createServices } from '../services';

async function main() {
  const config = loadConfig();
  if (!config.neo4jUri) throw new Error('NEO4J_URI is required');
  const executor = new Executor({ uri: config.neo4jUri, user: config.neo4jUser, password: config.neo4jPassword, database: config.neo4jDatabase });
  const app = await buildApp({ services: createServices(executor) });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'stats') {
      const mem = process.memoryUsage();
      peakRss = Math.max(peakRss, mem.rss);
      const cpu = process.cpuUsage();
      process.send!({ type: 'stats', roundTrips: executor.roundTrips, rss: mem.rss, peakRss, heapUsed: mem.heapUsed, cpuMs: (cpu.user + cpu.system) / 1000 });
    } else if (m.type === 'stop') {
      clearInterval(sampler);
      await app.close();
      await executor.close();
      process.exit(0);
    }
  });
  process.send!({ type: 'ready', port });
}

main().catch((e) => {
  console.error(`bench server: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
