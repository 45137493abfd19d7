/**
 * The entity-name full-text index (`entity_names`, schema/migrations/0009) indexes two properties the
 * document transactions never write: `searchName` (the name) and `searchNames` (the name and every
 * alias, joined by " | "). A document transaction that creates an entity or changes its names marks
 * it :NamesPending instead; these clauses write the marked entities' indexed names and unmark them,
 * many at once, so the index takes one batch (one Lucene refresh) for many documents instead of one
 * for each. The ingest runs them every few seconds and at its end; a name search runs them first,
 * in its own transaction, so it still finds every committed name and alias.
 *
 * Each entity is unmarked (which locks it) before its names are read, so what is read is what the
 * last writer committed: a document that renames it meanwhile either committed before (and is read
 * here) or waits for this transaction and marks it again.
 */
const SET_INDEXED_NAMES = `REMOVE e:NamesPending
       WITH e
       SET e.searchName = e.name, e.searchNames = reduce(acc = e.name, a IN e.aliases | acc + ' | ' + a)`;

/** A unit subquery that indexes every pending name: put it first in a query that searches the index. */
export const INDEX_PENDING_NAMES_FIRST = `CALL () {
       MATCH (e:Entity:NamesPending)
       ${SET_INDEXED_NAMES}
     }`;

/** Indexes up to $limit pending names; returns how many (`n`). */
export const INDEX_PENDING_NAMES = `MATCH (e:Entity:NamesPending)
       WITH e LIMIT $limit
       ${SET_INDEXED_NAMES}
       RETURN count(e) AS n`;
