/**
 * GraphiQL served by Annals itself (GET /graphql in a browser), from npm packages on disk, so the
 * IDE works with no network. Example queries are preloaded as tabs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PROJECT_ROOT } from '../config';

/** A file of an installed package (read from node_modules: these packages export no such paths). */
export const packageFile = (path: string) => resolve(PROJECT_ROOT, 'node_modules', path);

const ASSETS: Record<string, { module: string; type: string }> = {
  'react.js': { module: 'react/umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  'react-dom.js': { module: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.js': { module: 'graphiql/graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.css': { module: 'graphiql/graphiql.min.css', type: 'text/css; charset=utf-8' },
};

export const EXAMPLE_QUERIES: { title: string; query: string }[] = [
  {
    title: 'Documents',
    query: `# The archive's documents
query Documents {
  documents(first: 10) {
    totalCount
    nodes { id title published { edtf } sha256 }
  }
}`,
  },
  {
    title: 'Who said what',
    query: `# Statements in the order they were said, with speaker, channel, time and evidence
query WhoSaidWhat {
  statements(first: 20) {
    totalCount
    nodes {
      kind text quote speakerText channel
      speaker { name }
      saidAt { edtf text }
      evidence { excerpt document { title } }
    }
  }
}`,
  },
  {
    title: 'Find an entity',
    query: `# Names and aliases (full-text: case, accents and spelling variants tolerated)
query FindEntity {
  entities(query: "minister", first: 5) {
    nodes { __typename id name aliases statements(first: 5) { totalCount nodes { text } } }
  }
}`,
  },
  {
    title: 'Timeline',
    query: `# Events and statements in time order (filter: { from, to, entityIds, documentIds } narrows it)
query Timeline {
  timeline(first: 50) {
    totalCount
    nodes {
      at { edtf text }
      item {
        __typename
        ... on Event { label type places { name } }
        ... on Statement { text speaker { name } }
      }
    }
  }
}`,
  },
  {
    title: 'Contradictions',
    query: `# Statements that contradict others
query Contradictions {
  statements(first: 100) {
    nodes { text speaker { name } contradicts { text speaker { name } } }
  }
}`,
  },
];

function page(): string {
  const tabs = JSON.stringify(EXAMPLE_QUERIES.map((q) => ({ query: q.query })));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Annals GraphQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/graphql/ide/graphiql.css">
<style>html,body,#ide{height:100%;margin:0}</style>
</head>
<body>
<div id="ide">Loading the GraphQL IDE…</div>
<script src="/graphql/ide/react.js"></script>
<script src="/graphql/ide/react-dom.js"></script>
<script src="/graphql/ide/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: location.origin + '/graphql' });
  const tabs = ${tabs.replace(/</g, '\\u003c')};
  ReactDOM.createRoot(document.getElementById('ide')).render(
    React.createElement(GraphiQL, { fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: true, shouldPersistHeaders: false })
  );
</script>
</body>
</html>`;
}

export async function registerIde(app: FastifyInstance): Promise<void> {
  const cache = new Map<string, Buffer>();
  app.get('/graphql', async (req, reply) => {
    if (!String(req.headers.accept ?? '').includes('text/html')) {
      return reply
        .code(405)
        .header('allow', 'POST')
        .send({ errors: [{ message: 'Send GraphQL operations with POST /graphql (JSON body: {"query": ...}); open /graphql in a browser for the IDE.', extensions: { code: 'BAD_REQUEST' } }] });
    }
    return reply.type('text/html; charset=utf-8').send(page());
  });
  app.get<{ Params: { file: string } }>('/graphql/ide/:file', async (req, reply) => {
    const asset = ASSETS[req.params.file];
    if (!asset) return reply.code(404).send({ error: 'no such file' });
    let body = cache.get(req.params.file);
    if (!body) cache.set(req.params.file, (body = readFileSync(packageFile(asset.module))));
    return reply.type(asset.type).header('cache-control', 'public, max-age=86400').send(body);
  });
}
