/**
 * @neo4j/graphql 7 as the benchmark runs it: served exactly as Annals is (Apollo Server 5 on Fastify,
 * Apollo's cache-control plugin off, in its own process, on a free loopback port), so both GraphQL
 * servers are measured over the same HTTP path. Talks to the benchmark over IPC like server-child.ts:
 *   → {type: 'ready', port}   once listening
 *   ← {type: 'stop'}          closes and exits
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../config';
import { freePort } from '../db/local-neo4j';
import '../graph/bolt-messages';
import { neo4jGraphqlSchema } from './neo4j-graphql';

async function main() {
  const config = loadConfig();
  if (!config.neo4jUri) throw new Error('NEO4J_URI is required');
  const driver = neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword));
  const app = Fastify({ logger: false });
  const apollo = new ApolloServer({
    schema: await neo4jGraphqlSchema(driver),
    plugins: [fastifyApolloDrainPlugin(app), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo), { path: '/graphql', method: ['POST', 'OPTIONS'] });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'stop') {
      await app.close();
      await driver.close();
      process.exit(0);
    }
  });
  process.send!({ type: 'ready', port });
}

main().catch((e) => {
  console.error(`@neo4j/graphql bench server: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
