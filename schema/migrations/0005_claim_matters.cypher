// Contradiction candidates: each statement with claims is filed under the matters its claims are
// about, (:Statement)-[:CLAIMS]->(:Matter {key}), e.g. "control|<place key>". A new statement is
// compared with the statements of its matters only. Statements stored before this migration are
// filed by the ingest itself (ArchiveRepository.backfillMatters: the keys are computed in code).
CREATE CONSTRAINT matter_key IF NOT EXISTS FOR (m:Matter) REQUIRE m.key IS UNIQUE;
