// The full-text index over statement text was never queried (StatementFilter.text is a substring
// match), yet Lucene indexed, refreshed and merged it at every commit: about a fifth of the
// database's work per ingested document. Dropped.
DROP INDEX statement_text IF EXISTS;
