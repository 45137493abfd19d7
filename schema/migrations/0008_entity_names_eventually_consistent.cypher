// The full-text index over entity names and aliases is made eventually consistent. A consistent one
// is refreshed (a new Lucene reader over a new small segment, merged later) inside every commit that
// changes a name: in an ingest of 1,000 documents that refresh and the merges it causes were about a
// seventh of the database's work. Now committed changes are applied in the background, and a name
// search first waits for those already committed (db.index.fulltext.awaitEventuallyConsistentIndexRefresh in
// ReadRepository.entities), so a search still sees every committed change, as before.
// An index's settings cannot be changed in place: it is made again (and populated from the graph).
DROP INDEX entity_names IF EXISTS;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.searchNames] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true } };
