// The entity-name full-text index is fed in batches, not by every document's transaction.
// Even eventually consistent (0008), the index applied each committed transaction that added or
// changed a name as its own batch and refreshed its reader after each: about a fifth of a core
// during an ingest, most documents naming someone new. Now it indexes two properties that the
// document transactions never write: `searchName` (the name) and `searchNames` (the name and every
// alias). A document transaction marks the entities it creates or renames with :NamesPending; an
// ingest writes the marked entities' indexed names every few seconds and when it ends, and a name
// search first does the same in its own transaction, so a search still finds every committed
// name and alias (src/graph/name-index.ts).
// The index is consistent again (not eventually consistent): only those batches update it, and a
// search must see the names its own transaction has just indexed.
// Archives written before: every entity already has `searchNames`; it gets `searchName` here.
MATCH (e:Entity) WHERE e.searchName IS NULL
CALL (e) { SET e.searchName = e.name } IN TRANSACTIONS OF 10000 ROWS;
// An index's properties cannot be changed in place: it is made again (and populated from the graph).
DROP INDEX entity_names IF EXISTS;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.searchName, e.searchNames] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
