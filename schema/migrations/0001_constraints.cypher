// Uniqueness of every node's id, of stable keys, and of each document version's bytes.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT document_sha256 IF NOT EXISTS FOR (d:Document) REQUIRE d.sha256 IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (e:Entity) REQUIRE e.key IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (s:Statement) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT statement_key IF NOT EXISTS FOR (s:Statement) REQUIRE s.key IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (v:Event) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT event_key IF NOT EXISTS FOR (v:Event) REQUIRE v.key IS UNIQUE;
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:AnnalsMigration) REQUIRE m.version IS UNIQUE;
