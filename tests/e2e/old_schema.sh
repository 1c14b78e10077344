# Turns a warehouse into what an ipsreport of schema version 2 made: batches
# with UNIQUE(content_hash, entity) and no reading, no waiting rows.  Source
# it, then call schema_v2 DB.  (Superseded batches had no place in version 2.)
schema_v2() {
    sqlite3 "$1" <<'SQL'
PRAGMA foreign_keys=OFF;
BEGIN;
CREATE TABLE batches_v2(
  batch_id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  entity TEXT NOT NULL,
  profile TEXT,
  key_fingerprint TEXT,
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_stored INTEGER NOT NULL DEFAULT 0,
  rows_updated INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rows_duplicate INTEGER NOT NULL DEFAULT 0,
  ignored_columns TEXT,
  loaded_at TEXT NOT NULL,
  UNIQUE(content_hash, entity));
INSERT INTO batches_v2 SELECT batch_id, file_name, content_hash, entity, profile,
  key_fingerprint, rows_read, rows_stored, rows_updated, rows_rejected, rows_duplicate,
  ignored_columns, loaded_at FROM batches WHERE superseded_by IS NULL;
DROP TABLE batches;
ALTER TABLE batches_v2 RENAME TO batches;
DROP TABLE waiting;
DROP INDEX rejects_batch;
CREATE INDEX rejects_batch ON rejects(batch_id);
PRAGMA user_version=2;
COMMIT;
SQL
}
