// A speaker's statements in page order without reading them all: each statement with a speaker
// carries the speaker's id (a statement's key includes its speaker, so this never changes) and its
// sort key (saidAt's earliest instant, or 9999-12-31T23:59:59.999Z when undated; set once, when the
// statement is created), and one composite index holds (speakerId, sortKey, id) in page order.
// A page of 50 is then 50 index entries, however many statements the speaker has.
CREATE INDEX statement_speaker_order IF NOT EXISTS FOR (s:Statement) ON (s.speakerId, s.sortKey, s.id);
// Backfill of archives written before these properties existed:
MATCH (s:Statement)-[:SAID_BY]->(e:Entity) WHERE s.speakerId IS NULL
CALL (s, e) { SET s.speakerId = e.id, s.sortKey = coalesce(s.sortAt, '9999-12-31T23:59:59.999Z') } IN TRANSACTIONS OF 10000 ROWS;
