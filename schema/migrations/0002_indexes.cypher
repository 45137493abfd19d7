// Lookups by name and identity, time bounds for windows and ordering, and a full-text index
// over names and aliases (accent- and case-insensitive through the standard-folding analyzer).
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind);
CREATE INDEX document_identity IF NOT EXISTS FOR (d:Document) ON (d.identity);
CREATE INDEX document_published IF NOT EXISTS FOR (d:Document) ON (d.publishedEarliest);
CREATE INDEX document_order IF NOT EXISTS FOR (d:Document) ON (d.ingestedAt);
CREATE INDEX statement_said_earliest IF NOT EXISTS FOR (s:Statement) ON (s.saidAtEarliest);
CREATE INDEX statement_said_latest IF NOT EXISTS FOR (s:Statement) ON (s.saidAtLatest);
CREATE INDEX statement_sort IF NOT EXISTS FOR (s:Statement) ON (s.sortAt);
CREATE INDEX event_when_earliest IF NOT EXISTS FOR (v:Event) ON (v.whenEarliest);
CREATE INDEX event_when_latest IF NOT EXISTS FOR (v:Event) ON (v.whenLatest);
CREATE INDEX event_sort IF NOT EXISTS FOR (v:Event) ON (v.sortAt);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.searchNames] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
CREATE FULLTEXT INDEX statement_text IF NOT EXISTS FOR (s:Statement) ON EACH [s.text, s.quote] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
