/** docs/performance.md from a benchmark run. */
import type { SizeResult } from './run';
import { fmt } from './measure';

interface Report {
  machine: Record<string, string | number>;
  seed: number;
  runsPerQuery: number;
  warmupPerQuery?: number;
  concurrency: number;
  startedAt: string;
  requestsPerSecond: number | null;
  rssMb: number | null;
  peakRssMb: number | null;
}

const md = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map((r) => `| ${r.map((c) => (typeof c === 'number' && Number.isFinite(c) ? fmt(c) : typeof c === 'string' ? c : 'failed')).join(' | ')} |`)].join('\n');

export function renderMarkdown(report: Report, results: SizeResult[]): string {
  const m = report.machine;
  const out: string[] = [];
  out.push('# Performance', '');
  out.push(
    `Measured by \`npm run bench -- --docs ${results.map((r) => r.docs).join(',')} --write-docs\` on ${report.startedAt.slice(0, 10)} ` +
      `(seed ${report.seed}; every number below comes from that one run; docs/performance.json holds all of them).`,
    '',
  );
  out.push('## Machine', '');
  out.push(`- ${m.cpus} CPU cores (${m.cpuModel}), ${m.memoryGb} GB memory, ${m.os}`);
  out.push(`- Node ${m.node}; ${m.java}; Neo4j ${m.neo4j}, scratch instance with 1 GB heap and 1 GB page cache`);
  out.push('- Benchmark, Annals server (child process), Neo4j and load generator all on the same machine, over loopback', '');

  out.push('## Ingest', '');
  const carried = results.map((r) => (r.ingest as { measuredAt?: string } | null)?.measuredAt).filter(Boolean);
  if (carried.length) out.push(`_The ingest rows come from the full run started ${carried[0]}; this run re-used its databases (\`--reuse\`) to measure the queries again._`, '');
  const warm = results.map((r) => r.ingest?.coldStart?.docs).find((n) => n);
  out.push(
    warm
      ? `Each size gets a new database process. Its JVM spends the first minute or two of work compiling Neo4j's code (on this 2-core machine the compiler threads took about as much CPU as the queries in a cold run of 1,000 documents), so before the measured ingest the benchmark ingests ${warm.toLocaleString('en')} documents of another corpus (seed ${report.seed + 1}) through the same path and deletes them: the measured documents go into an empty database served by a warmed-up process. The rate of that warm-up is the "cold start" column: what the first documents into a freshly started database get. (\`--ingest-warmup 0\` measures a cold process.)`
      : 'Each size gets a new database process, measured cold (no warm-up ingest): the first minutes include the JVM compiling Neo4j\'s code.',
    '',
  );
  out.push('Synthetic documents of 2–4 KB (src/bench/corpus.ts) through `ingestPaths`, one transaction per document (three written at once), into an empty database. Milliseconds per document by stage; "write" is the time from a document\'s first query to its commit; "other" is the total minus the stages: the duplicate check, catalog handling and progress, less the time the stages overlap (the next document is extracted while the ones before it are written, so "other" is negative when that overlap is larger).', '');
  out.push(
    md(
      ['documents', 'docs/s', 'read', 'clean', 'extract', 'write', 'other', 'total ms/doc', 'docs/s first → last 1,000', 'cold start docs/s', 'entities', 'statements', 'events'],
      results
        .filter((r) => r.ingest)
        .map((r) => {
          const i = r.ingest!;
          return [r.docs.toLocaleString('en'), i.docsPerSecond, i.msPerDoc.read, i.msPerDoc.clean, i.msPerDoc.extract, i.msPerDoc.write, i.msPerDoc.other, i.msPerDoc.total, `${fmt(i.slices[0])} → ${fmt(i.slices[i.slices.length - 1])}`, i.coldStart ? `${fmt(i.coldStart.docsPerSecond)} (first ${i.coldStart.docs.toLocaleString('en')})` : '–', i.counts.entities.toLocaleString('en'), i.counts.statements.toLocaleString('en'), i.counts.events.toLocaleString('en')];
        }),
    ),
    '',
  );

  for (const r of results.filter((x) => x.queries.length)) {
    out.push(`## Queries at ${r.docs.toLocaleString('en')} documents`, '');
    out.push(
      `${report.runsPerQuery} runs per query after ${report.warmupPerQuery ? `${report.warmupPerQuery} warm-up runs of each contender (the database's JVM compiles its code in the first minutes)` : 'a warm-up'}, rotating over 8 parameter sets picked from the data; the three contenders are timed in turn, run by run, so none runs on caches the others warmed or in a quieter minute. ` +
        'Annals: the real server over HTTP (loopback, keep-alive). @neo4j/graphql 7: its generated schema over the same database, served the same way ' +
        '(Apollo Server 5 on Fastify in its own process, HTTP on loopback). Cypher: one hand-written query per case through the driver, in an auto-commit transaction (the floor). "×" is Annals p50 divided by the other p50. Round trips: Cypher queries the server sent per request.',
      '',
    );
    out.push(
      md(
        ['query', 'p50 ms', 'p99 ms', '@neo4j/graphql p50', 'Cypher p50', '× @neo4j/graphql', '× Cypher', 'round trips'],
        r.queries.map((q) => [`${q.name}: ${q.description}`, q.p50Ms, q.p99Ms, q.neo4jGraphqlP50Ms, q.cypherP50Ms, q.vsNeo4jGraphql, q.vsCypher, q.roundTrips]),
      ),
      '',
    );
    for (const q of r.queries.filter((x) => x.error)) out.push(`- ${q.name} failed: ${q.error}`);
    out.push(`- Requests per second, ${report.concurrency} concurrent clients, all six queries mixed: **${r.requestsPerSecond}**`);
    out.push(`- Server resident memory after the load test: **${r.rssMb} MB** (peak ${r.peakRssMb} MB)`, '');
  }
  out.push(NOTES);
  return out.join('\n') + '\n';
}

const NOTES = `## What was changed for speed, and why

Found with \`ANNALS_TRACE_CYPHER=1\` (per-query times of the server and the ingest) on the benchmark corpus.

- **Reads started from every statement.** The statement and timeline lists matched \`(s:Statement)\` and filtered by
  \`EXISTS {…}\` and by \`($from IS NULL OR …)\` — a disjunction the planner cannot turn into an index seek — so every
  filtered list scanned all statements. They now start where the filter points (the documents, speakers or
  subjects named, by their unique-id index), or, for a time window, from the time indexes; the filter itself is
  unchanged, so results are identical. Short spans are read from a bounded range of the \`saidAtEarliest\`/\`whenEarliest\`
  index, spans longer than 32 days carry a new label \`:LongSpan\` (migration 0003 backfills it). Count and page are
  one query, one pass over the candidates when they are bounded.
- **Lookups without a label.** \`evidence\` matched \`(n {id})\` (all nodes scanned per id) and \`node(id)\` matched a
  label disjunction; both now dispatch on the id's type prefix to a unique-index seek. Documents are returned without
  their stored original bytes.
- **One more round trip per level than needed.** The evidence loader now brings the cited documents and primes the
  node loader, so \`evidence { document { … } }\` costs one round trip, not two. The alias search projects only the
  entity fields it returns.
- **Ingest: five to seven queries per document, a subquery per statement, index rewrites for every mention.** The
  extraction is written by one query (unit subqueries over rows prepared in TypeScript, relationship endpoints
  matched by unique key/id, no per-row \`CALL\`/\`OPTIONAL MATCH\`), and an entity's aliases and full-text
  \`searchNames\` are written only when they change.
- **Ingest: a plan made on an empty graph.** That query merged its relationships with a dynamic type
  (\`MERGE (a)-[:$(link.type)]->(e)\`). Planned while the graph was small, it became a scan of *all* relationships
  (\`DirectedAllRelationshipsScan\`, 2 million rows per document at 500 documents), and that plan was used until
  the statistics changed enough for a replan. The five relationship types are now static, one unit subquery each.
- **Ingest: hundreds of plans for one query.** Neo4j keys its plan cache on the types of the top-level
  parameters, list sizes included (in buckets), so six list parameters made hundreds of variants of the same large
  query, each planned anew (planning was a fifth of the database's CPU). All rows now travel in one map parameter.
- **Ingest: an index nobody read.** A full-text index over statement text (never queried: the text filter is a
  substring match) was updated, refreshed and merged by Lucene at every commit, about a fifth of the database's work
  per document. Migration 0004 drops it.
- **Ingest: contradiction candidates grew with the archive.** Each document read every stored statement with claims
  about the same entities (about 100 rows per document at 2,500 documents, rising linearly) and compared them in
  TypeScript. Statements are now filed under the matters their claims are about (\`(:Statement)-[:CLAIMS]->(:Matter)\`,
  migration 0005) and only those said within two days are read (claims weeks apart describe a change, not a
  contradiction): under one row per document.
- **Ingest: one stage at a time.** The next document is cleaned and extracted while the ones before it are being
  written, so this process and the database work at the same time (the stage times in the table overlap and add up to
  more than the total).
- **Round trips are expensive on this machine.** It is a virtual machine where waking the other process costs about
  a millisecond, even on loopback, so the number of round trips matters more than usual. A document and its extraction
  are now written by one query in an auto-commit transaction (one round trip instead of three: no BEGIN/COMMIT), the
  duplicate check asks once for 32 files, and three documents are written at once (\`ANNALS_INGEST_WRITERS\`; two gave 46 documents per second at 10,000, three 49): each
  entity is locked by its mention before its names are read, so no alias of a concurrent document is lost;
  contradictions with a document still being written are found from memory, and the write waits for it.
- **Extraction grew with the archive.** Looking for new aliases of known entities scanned the whole list of known
  entities at every lookup (dozens per document, 16,000 entities at 10,000 documents); it now scans once per document.
- **Reads: two network round trips per query.** A single read query ran in an explicit transaction (BEGIN+RUN+PULL,
  then COMMIT); it now runs in an auto-commit transaction, one round trip: 1.0 ms instead of 2.2 ms for a trivial
  query on loopback.
- **Reads: the timeline of a month sorted thousands of items.** It now reads in index order: items starting in the
  window from the start index (page and count alike), short spans that started up to 32 days earlier from a new
  (start, end) index, spans longer than 32 days that reach in from a new \`:LongSpan\` (end, start) index (migration
  0006); the three sets are disjoint, so the total is their sum. The hand-written floor uses the same approach.
- **Reads: a round trip per level.** Statements are read with their speakers, evidence with the documents it cites
  (later taken from a document cache, see below), and a root \`node(id)\`/\`entity(id)\` starts its \`contradicts\`/\`statements\`
  load at the same time as the node (src/api/lookahead.ts): every benchmark query costs one or two round trips.
  Nodes are read with fixed field lists, not \`{.*}\`; a filter the starting point guarantees is not tested again.
- **Reads: the driver decoded large records in quadratic time.** The JavaScript driver keeps a Bolt message that
  arrives in several pieces (Neo4j sends chunks of about 8 KB) as a \`CombinedBuffer\` whose every one-byte read walks
  the list of pieces from the first: a 130 KB record (a page of statements with their evidence) took longer to decode
  than the database took to answer (neo4j/neo4j-javascript-driver#1223). src/graph/bolt-messages.ts copies such a
  message into one buffer first; the floor and @neo4j/graphql run with the same fix. personStatements' floor went from
  21 to 14 ms, its p99 from 59 to 41 ms.
- **Reads: the contradicting statements read every property.** \`contradicts\` now reads only the statement and
  speaker properties the query selects (look-ahead, as evidence already did for documents); such partial records are
  never handed to the node loader. Lists of plain values leave the repository uncopied, a list item's look-ahead is
  worked out once per query, \`Evidence.document\` is a plain field (no resolver wrapper for each of 1,600 passages),
  and a page no longer reads the evidence of the extra statement that only tells whether there is a next page.
- **\`npm start\` runs in production mode** (\`NODE_ENV=production\` unless set): graphql-js otherwise checks
  every type test for a second copy of itself, about a millisecond per large response.
- **Reads: a speaker's page read all their statements.** The page sorted every statement of the speaker (2,031 for
  the busiest) to keep 50, and the total counted them again. A statement now carries its speaker's id and its sort
  key (both fixed when it is created: the key of a statement includes its speaker) under one composite index
  (speakerId, sortKey, id), migration 0007: the page is the first 51 index entries from the cursor on, and the total is
  the speaker's count of SAID_BY relationships (a degree, read without touching a statement). The busiest speaker's
  page went from 37 to 20 ms in the database; the floor uses the same index.
- **Reads: one round trip for a node and its list.** A root \`node(id)\` with \`contradicts\`, or \`entity(id)\` with
  \`statements\`, read the node and the list in two queries at once; the list query now returns the node's own record
  too, so the request costs one round trip. A lookup of nodes queries only the types asked for (no union arms over
  empty lists).
- **API: no wrapper per field.** Object types use graphql-js' default resolver for plain fields
  (\`simpleResolvers\`), not type-graphql's middleware wrapper (there are no middlewares): a page with 1,600 evidence
  passages resolves about 13,000 plain fields.
- **Where the ingest time goes now** (JFR and /proc): once the database's JVM has compiled its code, a document
  costs about 13 ms of CPU in Neo4j's Bolt workers (query and commit: index updates, the entity full-text refresh)
  and about 20 ms in this process (8–12 ms of it extraction), and the ingest runs at 55–65 documents per second. In
  the first 2,000 or so documents of a fresh database process the JVM's JIT compiler threads take another 10–18 ms
  of CPU per document on the same two cores, so those slices run at 21–38 documents per second (a 1,000-document
  run into a fresh database process gives 21–29 across runs on this virtual machine) and hold the
  average of a cold 10,000-document run near 50 (the benchmark now warms the process first; see the next point). Tried without gain: a worker thread for the extraction (a third busy
  thread on two cores slowed the database more than it saved), C1-only, C2-only and Neo4j's own JVM flags, a
  larger code cache. Measured again per thread (/proc) in a 1,000-document run into a fresh database process: the C2
  compiler thread used 37 s of CPU and the C1 thread 7 s, against 26 s for all Bolt workers together, in a run of
  about 45 s on two cores. Also tried without gain: fewer compilations (\`-XX:CompileThresholdScaling=4\` and
  \`10\`), and Cypher expressions interpreted or always compiled (\`internal.cypher.expression_engine\`).
- **The ingest is measured after a warm-up** (\`--ingest-warmup\`, 2,000 documents by default). Measured cold, a
  1,000-document run mostly measured the JVM compiling Neo4j's code, and the 10,000-document run's slices rose from
  27–29 to 70–80 documents per second for the same reason. The warm-up ingests documents of another corpus into the
  same fresh database process and deletes them (the "cold start" column keeps its rate). What remains is the
  archive's own effect, measured in the warm run of 10,000: its first 1,000 documents go in at 45–47 per second, later
  ones at 58–70. A young archive costs more per document because most of its names are new: the first 1,000
  documents create 3,802 entities (3.8 a document, each a node with five index entries and a full-text entry, and
  more alias updates), the next 9,000 create 12,877 (1.4 a document). The cost per document does not grow with the
  archive; it falls as the archive's entities become known. Profiled with Java Flight Recorder on the warmed
  process (\`ANNALS_NEO4J_JVM_OPTS="-XX:StartFlightRecording=…"\`): half of the database's samples are in the
  commit (applying records, index insertions, the transaction log), a quarter in running the write query; no
  single operator stands out. Also tried: the entity full-text index made eventually consistent (no gain), two
  and four writers instead of three (slower: 39 and 44 documents per second against 45–48).
- **What holds the ingest back now** (measured after the run above, on a day this virtual machine ran about a quarter
  slower: a warm 1,000-document ingest with the default settings gave 30–37 documents per second in ten runs). Counted from /proc during the
  measured ingest only, Neo4j used 31–39 ms of CPU per document and this process 14–17 ms, yet the two cores were only
  1.6 busy: the writers wait for one another. Polling \`SHOW TRANSACTIONS\` every 50 ms during the ingest found, on
  average, 0.64 write transactions running, 0.69 committing and 0.63 *blocked on a lock* held by another. Each
  document's transaction locks every entity it mentions (a relationship \`MERGE\` that creates takes exclusive locks
  on both ends; the alias update relies on that lock, see src/graph/archive.repository.ts) and every matter its claims
  are filed under, until it commits, so documents naming the same popular entities are written one after another.
  The next step is to take fewer and shorter locks (create, not merge, the relationships to a document that is new in
  the transaction; lock an entity only when its names change) without losing an alias to a concurrent writer
  (test/services/ingest-writers.int.test.ts guards that). Tried without gain this time (each within the run-to-run
  spread of ±15%, judged by CPU per document rather than by rate): Neo4j on the parallel or serial garbage collector
  instead of G1 (runs at 47, 40, 35 and 40 documents per second, but Neo4j's CPU over a whole run the same as with
  G1: the fast run was the machine's spread), six or ten writers, and letting the event loop turn between the
  extraction's stages so the database's answers are handled sooner. Measured for the queries: a GraphQL request over
  HTTP costs 1.5–2 ms more than the same operation executed in the process, mostly socket writes and reads (each
  write to a loopback socket costs 0.6–0.9 ms here) and encoding the response; a 500 KB response (the busiest
  speaker's page with 1,633 evidence passages) spent about 4 ms in Fastify measuring and then encoding the string,
  which is now encoded once (3–4% off that query), and the cost limit's walk over the query is kept per query and
  variables.
- **The document write: no replanning, no second lookups** (measured on the same slow day, A/B in alternation on
  the write alone: 1,500 pre-extracted documents to warm a fresh database process, then 1,000 written by three
  writers, Neo4j's CPU counted from /proc). A profile of the ingest (JFR, full stacks) put 8% of the database's samples
  in *planning*: Neo4j plans a query again whenever the graph's statistics have moved enough since the last plan
  (at most every ten seconds), and a growing archive moves them all the time; the document write is one large query
  (about 220 operators), each replan cost about a second of CPU, and the other writers waited for it. Its plan
  does not depend on the statistics (every node is found by a unique key, the previous version by its identity), so
  it now runs with \`CYPHER replan=skip\`; an integration test checks that the plan, made on an empty archive,
  seeks by index and scans nothing. Index seeks were another eighth of the samples: each of a document's ~50
  relationships looked up its statement or event and its entity again by key, right after the same query had merged
  them. The write now collects the nodes it merges and takes the ends of each relationship from those lists by
  position. Together: 34 → 29 ms of Neo4j CPU per document (means of four runs each; the write alone went from
  42–49 to 52–59 documents per second). The whole ingest on that day stayed at 26–35 documents per second: the
  extraction's share of the two cores (14–22 ms of CPU per document that day) and the writers' waiting for each
  other's entity locks (one writer alone: 26 ms of database CPU per document and 48 documents per second; three:
  27–31 ms and 52–59; six: 36 ms and 46) now decide it. The two virtual cores are not independent either: the
  extraction of the 1,000-document corpus alone takes 5.6 ms per document, 7.4 ms while a busy loop runs on the
  other core, and 12–17 ms (wall time, measured in its stage) inside the ingest, where the database's threads share
  the cores with it.
- **The database's JIT compiler is still busy after the warm-up** (counted per thread from /proc during the measured
  1,000-document ingest only, a later slow day). After the 2,000-document warm-up the C2 compiler thread took 7–11 ms
  of CPU per document (a quarter to a third of the database's CPU; its Bolt workers took 15–18 ms); after a 5,000-
  document warm-up still 5–7 ms, with 400–500 methods compiled for the first time every 30 seconds (Neo4j's record
  storage, index trees, Lucene, the Cypher runtime): a long tail of methods reaching the compile threshold at this
  low rate, not recompilation. A longer warm-up measured 47 and 38 documents per second against 36 and 40 with the
  default (the spread of this machine), so the default stays. Tried without gain: C2 thresholds raised fourfold
  (\`-XX:Tier4InvocationThreshold=20000\` and the like: C2 5.6 ms per document, 40 documents per second) and C1 only
  (\`-XX:TieredStopAtLevel=1\`: no compiler time, but Bolt workers at 18–22 ms; 45 and 37 documents per second).
- **Fewer locks, fewer reads before a write** (a later day; A/B runs alternated, \`npm run bench -- ingest\` alone:
  the per-thread counting above polled /proc with a few hundred short processes a second, which took CPU from the
  measured ingest and put its rates at 27–31 documents per second on days the plain command gave 40–49). The document
  write now *creates* what is new in its transaction (the new document's mentions and evidence passages, and the links
  and claims of statements and events it creates) instead of merging it: a relationship \`MERGE\` locks both ends, so
  every writer locked every entity it mentioned until it committed. An entity is now locked only when the document
  changes its names (read without a lock first: names are only ever added, so one that has them all in a committed
  state has them in any later one), then read again under the lock. Polls of \`SHOW TRANSACTIONS\` found on average
  0.08 write transactions blocked on a lock, against 0.63 before (three writers); the write alone went from 56/48/46 to 60/55/48 documents
  per second in three alternated pairs. The stored candidates for contradictions (a read before each document with
  claims, 726 of the 1,000 documents, 20–31 ms of wall time each, that held a writer's place) are read once per
  matter and run (src/services/claim-candidates.ts) and kept with what the run stores, and a read that is needed
  starts as soon as the document is extracted (402 reads for the 1,000 documents, fewer as a run goes on). The whole
  ingest of 1,000 documents is now CPU-bound on the two cores (the database about 26 ms and this process about 15 ms
  of CPU per document): three alternated pairs without and with the candidates kept gave 42.9/47.8/40.7 and
  45.8/45.1/42.9 documents per second, no change beyond the spread, and still short of the target of 50 at 1,000
  documents on this machine.
- **Reads: each query compiled once; lists read only what is asked** (a later day, over a kept 10,000-document
  database). A CPU profile of the server answering the busiest speaker's page (500 KB, about 13,000 fields) put a
  quarter of its CPU in graphql-js' execution, which walks every object's selection for every object. Queries are
  now compiled once per parsed document by graphql-jit (src/api/jit.ts, plugged into Apollo Server through its
  executor interface; variables are still checked by graphql-js, so a bad one gets the same error;
  \`ANNALS_GRAPHQL_JIT=0\` executes with graphql-js). Two alternated pairs, that page 600 times each: server CPU per
  request 12.2 and 12.6 ms before, 10.1 and 9.6 after; mean latency 23.3/23.9 → 20.7/19.1 ms. type-graphql wraps
  each interface's \`resolveType\` in an async function (a promise per entity or node in an answer); every record
  names its type, so it is now read synchronously. \`statements(filter:)\` reads only the statement and speaker
  properties the query selects, where a statement was said only when \`saidIn\` is asked, and puts only the
  filter's parts in use into the query: a document's statements took 2.34 ms in the database before, 1.85 after
  (the hand-written floor 1.75). What the floor does not pay on this virtual machine: each socket write costs
  0.3–0.5 ms of CPU (a write on loopback wakes the reader on the other core), and a request to Annals makes two more
  writes and reads than the floor's query (the request to the server and its answer); a \`{ __typename }\` request
  takes 0.9 ms. Strings and buffers over 128 KB (the busiest speaker's 500 KB answer, on both sides of the
  connection) cost about 4 µs per KB to allocate here: each gets fresh pages, and every first touch of a page is a
  fault to the hypervisor.

- **The server runs compiled.** \`npm start\` compiles the server to dist/ with esbuild (about a second,
  scripts/build.mjs) and runs it on Node; it ran through tsx before. tsx keeps a loader thread of its own (about 40 MB
  resident) and turns on source maps, and the driver formats a stack trace for every query it sends (to improve its
  error messages): with source maps each such trace was mapped back to TypeScript, about 0.15 ms per query. The
  server's resident memory at rest went from 141 to 95 MB, its peak under the 16-client load from 360 to about
  235 MB. Both GraphQL servers in this benchmark run compiled the same way.
- **Reads: documents read again for every passage.** Evidence read each cited document's fields with every page
  (about 1,500 documents for the busiest speaker's). A stored document version never changes (its id comes from
  its bytes), so evidence now names its documents by id and takes their records from a bounded cache in the server
  (src/graph/document-cache.ts, 20,000 records by default); the ones not kept are read whole in one more query, and
  \`document(id)\` needs no query for a kept document. The one property that changes, \`current\`, is never kept:
  it is read from the database when a query asks for it. After the warm-up every benchmark query reads its
  documents from the cache, so documentStatements costs one round trip, not two. The round trips in the tables are
  counted on each parameter set's first request, before the warm-up, so they include that one query for documents
  not kept yet (personStatements 2, documentStatements and contradictions between 1 and 2); later requests take one.
- **Answers made into one large string** (a later day, same kept database). Apollo Server sends an answer as the
  string \`JSON.stringify\` returns; V8 builds that string from many small parts and joins them into one flat string
  (fresh large-object pages, so page faults here) the first time it is measured or encoded. For the busiest speaker's
  500 KB page that join took 3.3 ms of the server's CPU per request (profile), and \`JSON.stringify\` plus the join
  and the copy into a buffer 5.6 ms in-process, against 1.2 ms for the same bytes written in pieces (each array
  element stringified on its own) into a buffer kept from an earlier response. The server now does that
  (src/server/json-bodies.ts, src/server/response-buffers.ts): Apollo still does everything else, and the bytes are
  the ones Apollo would send (tested). The scavenges of V8's young generation (a 6 ms pause every third such
  request, promoting the in-flight request's objects) are the largest piece of the server's CPU left on that page.
- **Ingest: the name index refreshed inside every commit.** A JFR profile of the database during an ingest of 1,000
  documents (\`ANNALS_NEO4J_JVM_OPTS=-XX:StartFlightRecording=…\`) put 12–18% of its samples in Lucene: the
  full-text index over entity names was refreshed (a new reader over a new small segment) inside each commit that
  changed a name, and merged those segments in the background. The index is now eventually consistent
  (migration 0008): committed changes are applied in the background, and a name search first calls
  \`db.index.fulltext.awaitEventuallyConsistentIndexRefresh()\`, so it still sees every committed change (tested).
  Ingest of 1,000 documents, two runs in the same minutes: 45.2 docs/s before, 50.1 after. (A later day replaced
  this with names indexed in batches, below.)
- **Tried on a later day, not taken** (A/B in alternation, same kept database or same hour). Answers written
  straight into the kept buffer (each string encoded where it stands, no JSON text made at all): the busiest
  speaker's page allocated 2.98 MB per request in the server instead of 4.16, and 800 requests needed 154 scavenges
  instead of 215, but its latency did not move (p50 33.2 and 38.8 ms against 33.0 and 39.8): each scavenge costs
  what it promotes of the request in flight, not how often it comes. The entity-name index, eventually consistent,
  still costs a thread of the database: its background updates (a refresh for each transaction that adds or changes a name)
  took 0.17–0.23 of a core during a 1,000-document ingest, and ingests without the index ran at 48 and 63 documents
  per second against 39–45 with it in the same hour; the entity search needs it, so it stayed (and is now fed in
  batches, next item). The JVM options
  Neo4j's own neo4j.conf ships (\`-XX:+AlwaysPreTouch\`, \`-XX:+TrustFinalNonStaticFields\`, \`-XX:+DisableExplicitGC\`
  and others): 29 documents per second against 39 without them right after. documentStatements: Annals' Cypher
  and the floor's cost the database about the same (p50 5.0 and 4.8 ms, one driver, interleaved); what is left of
  its ×2 is the HTTP hop and the GraphQL layer (2–2.7 ms of server CPU per request).
- **Ingest: names indexed in batches** (later). The document transactions no longer write what the name
  index holds: it now indexes \`searchName\` and \`searchNames\` (migration 0009), which only a batch writes. A
  document transaction marks the entities it creates or renames \`:NamesPending\` (a label, kept in the token index,
  which Lucene never sees); the ingest indexes the marked entities every 2 seconds (\`ANNALS_NAME_INDEX_MS\`) in one
  transaction and once more at its end, so the index takes one batch, one refresh and one small segment for about a
  hundred documents instead of one for each (src/graph/name-index.ts). A name search indexes whatever is still
  pending first, in its own transaction (a full-text query sees its transaction's changes; an eventually consistent
  index does not, so the index is consistent again), and still finds every committed name and alias (tested, also
  with batches racing three writers). Ingest of 1,000 documents, runs alternated in the same hour: 32.4, 44.7, 36.7
  and 38.6 documents per second before; 54.4, 61.2, 52.2, 50.0 and 48.6 after.
- **Reads: passages read again for every page** (later). The busiest speaker's page of 50 statements cites 1,633
  evidence passages; reading them (each relationship's offsets and excerpt, and each document's ingest time for
  their order) was most of the database's work for that page: the floor-style Cypher took 25.6 ms (p50) with the
  passages and 8.4 ms with only their counts (one driver, interleaved, same minutes). A passage never changes once
  written and none is removed (the archive only grows), so the server now keeps each statement's list of passages
  (src/graph/evidence-cache.ts, 50,000 passages by default, \`ANNALS_EVIDENCE_CACHE\`): a query reads only each
  statement's count of passages (its EVIDENCE degree), takes the list from the cache when the count matches, and
  reads the others in one more query; a document that adds a passage changes the count, so the list is read again
  (tested). Server alone, 800 requests over the 8 parameter sets, same kept database: the busiest speaker's page p50
  33.7 → 23.4 ms; personStatements p50 18.0 → 13.9 ms, p99 50.5 → 36.4 ms. A parameter set's first request reads
  the passages too: one more round trip than before in the tables' counts (taken on first requests). The floor has
  no cache (it is what the database answers alone), so here Annals can go below it.
- **Reads: statement pages decoded key by key** (later). documentStatements was the one query near twice its floor
  (1.82–2.08 across runs). A page of statements came back as a list of maps, each statement's and its speaker's keys
  sent, decoded and walked for every row; it now comes back as lists of values in a fixed column order
  (src/graph/read.repository.ts, \`statementRow\`). The database's own Cypher for a document's page, one driver,
  interleaved and warm: mean 1.39–1.42 ms as maps, 0.97–1.10 ms as lists (the floor, maps: 1.25–1.37), and the
  driver's CPU per query 0.61–0.63 → 0.41–0.45 ms. The driver also formatted the caller's stack trace for every result it
  made (kept to put on a later error); Annals maps every driver error into one of its own, so the server no
  longer lets it capture one (src/graph/executor.ts). Two servers, old and new, interleaved with the floor, 600
  requests each: documentStatements p50 5.50 → 5.28 ms (×floor 1.72 → 1.65), placeWeek 9.36 → 9.10, contradictions
  9.09 → 8.77. What is left between Annals and the floor is the HTTP hop and the GraphQL layer: in-process
  timestamps put 0.7 ms before the query is sent (Fastify, Apollo, the compiled query), 0.55 ms after the answer and
  about 1 ms in the client and the two loopback hops, while the query itself took what the floor takes (4.09 and
  4.15 ms).
- **Memory under load.** The resident memory is taken when the load test is over; the peak is sampled every 50 ms
  during it, while 16 clients at once ask among others for the busiest speaker's page (500 KB of JSON, several MB of
  objects while it is built).

## How to reproduce

\`\`\`sh
npm install                     # includes the dev dependency @neo4j/graphql 7 and autocannon
npm run bench -- ingest --docs 1000             # ingest only, table on stdout
npm run bench -- ingest --ingest-warmup 0       # the same into a cold database process
npm run bench                                    # 1,000 and 10,000 documents, tables
npm run bench -- --docs 10000 --json             # one JSON object on stdout
npm run bench -- --docs 1000,10000 --write-docs  # regenerates this file and performance.json
npm run bench -- --docs 10000 --keep             # keeps the scratch database under .bench/neo4j-10000
npm run bench -- --docs 10000 --reuse --only contradictions --duration 0   # one query again, no load test
\`\`\`

The corpus is generated once per seed and size under \`.bench/corpus-<seed>-<n>/\` (1,000 documents a folder, each
with a \`catalog.yaml\` of titles and publication dates) and reused. Every size gets its own scratch Neo4j on a free port
under \`.bench/neo4j-<n>\`, removed afterwards (\`--keep\` keeps it, \`--reuse\` measures the queries again without re-ingesting).
With \`NEO4J_URI\` the benchmark uses that database instead, which must be empty (it is cleared between sizes).

## Notes on the comparison

- @neo4j/graphql's type definitions are in src/bench/neo4j-graphql.ts (one \`Entity\` type for all kinds, relationship
  properties for evidence). Its timeline is a query over an interface implemented by Statement and Event, filtered on
  \`sortAt\` within the month (it cannot express Annals' overlap of time spans); its alias search uses the same
  full-text index and Lucene query as Annals.
- Both GraphQL servers are measured the same way: over HTTP on loopback, each in its own process, both on Apollo
  Server 5 with Fastify and Apollo's cache-control plugin off (src/bench/server-child.ts,
  src/bench/neo4j-graphql-child.ts, both compiled to dist/ as \`npm start\` compiles the server). The floor is one query through the driver in the benchmark's process, in an
  auto-commit transaction (one round trip, as Annals sends its reads). An HTTP request costs about 0.4 ms here.
- Each contender is warmed up with 100 runs of each query first: the database runs in a fresh JVM (\`--reuse\`
  restarts it), which is still compiling its code after the first few dozen queries.
- @neo4j/graphql's timeline of a month fails on Neo4j's transaction memory limit at 10,000 documents: the query it
  generates for a connection over the Statement/Event interface (page of 100 and total count) needs more than the
  716.8 MiB that Neo4j allows all transactions by default (70% of the 1 GB heap). Until this run the local database
  capped them at 256 MiB; it now keeps Neo4j's default.
`;
