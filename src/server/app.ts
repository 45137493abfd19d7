/**
 * The HTTP server: GraphQL at /graphql (Apollo Server 5 on Fastify), /health, the offline IDE,
 * the timeline page and exports.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { getSchema } from '../api/schema';
import { createContext, type ApiContext } from '../api/context';
import { formatError } from '../api/errors';
import { costLimitPlugin, depthLimit } from '../api/limits';
import type { Services } from '../services';
import { registerIde } from './ide';
import { registerWeb } from './web';
import { GraphQLTimelineSource } from '../export/graphql-source';
import { executeGraphQL } from '../api/execute';
import { jitEnabled, jitGateway } from '../api/jit';
import { ResponseBuffers } from './response-buffers';
import { DeferredJsonBodies } from './json-bodies';

export interface AppOptions {
  services: Services;
  development?: boolean;
  logger?: boolean;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false });
  const jsonBodies = new DeferredJsonBodies(new ResponseBuffers());
  const schema = await getSchema();
  const apollo = new ApolloServer<ApiContext>({
    ...(jitEnabled() ? { gateway: jitGateway(schema) } : { schema }),
    formatError: formatError(opts.development ?? false),
    includeStacktraceInErrorResponses: opts.development ?? false,
    introspection: true,
    // No cache-control hints are used; Apollo's default plugin would wrap every field resolution.
    plugins: [fastifyApolloDrainPlugin(app), costLimitPlugin(), ApolloServerPluginCacheControlDisabled(), jsonBodies.plugin],
    validationRules: [depthLimit()],
    // A GraphQL answer sent over HTTP is written in pieces into a kept buffer by the onSend hook
    // below (src/server/json-bodies.ts); any other (one without data) is stringified as Apollo does.
    stringifyResult: (value) => jsonBodies.defer(value) ?? `${JSON.stringify(value)}\n`,
  });
  await apollo.start();

  app.get('/health', async (_req, reply) => {
    const ok = await opts.services.executor.ping();
    return reply.code(ok ? 200 : 503).send(ok ? { status: 'ok' } : { status: 'unavailable', reason: 'the database does not answer' });
  });

  app.get<{ Params: { id: string } }>('/documents/:id/original', async (req, reply) => {
    const [doc] = await opts.services.originals.byIds([req.params.id]);
    if (!doc) return reply.code(404).send({ error: `no document with id ${JSON.stringify(req.params.id)}`, code: 'NOT_FOUND' });
    return reply
      .type(`${doc.mediaType}; charset=utf-8`)
      .header('digest', `sha-256=${Buffer.from(doc.sha256, 'hex').toString('base64')}`)
      .header('x-content-sha256', doc.sha256)
      .send(doc.bytes);
  });

  // A GraphQL answer handed over by jsonBodies goes out as the bytes it writes. Any other large
  // response string goes out as bytes encoded once: Fastify would otherwise measure the string's
  // UTF-8 length and then encode it again to write it.
  app.addHook('onSend', async (_req, reply, payload) => {
    const deferred = jsonBodies.take(reply);
    if (deferred) return deferred;
    return typeof payload === 'string' && payload.length > 16_384 && reply.hasHeader('content-type') ? Buffer.from(payload) : payload;
  });

  await registerIde(app);
  await registerWeb(app, { timeline: new GraphQLTimelineSource((query, variables) => executeGraphQL(opts.services, query, variables)) });
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['POST', 'OPTIONS'],
    context: async (_req, reply) => jsonBodies.track(createContext(opts.services), reply),
  });
  return app;
}
