import GRDB

/// The evidence metadata database, version by version.
enum EvidenceSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0002_files") { db in
            try db.execute(sql: """
                CREATE TABLE files (
                    id TEXT PRIMARY KEY,
                    sha256 TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    file_name TEXT NOT NULL,
                    media_type TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    unit_path TEXT NOT NULL,
                    uploaded_by TEXT,
                    uploaded_at REAL NOT NULL,
                    supports TEXT,
                    status TEXT NOT NULL DEFAULT 'ok'
                );
                CREATE INDEX files_sha256 ON files(sha256);
                CREATE INDEX files_unit_path ON files(unit_path);
                """)
        }
        migrator.registerMigration("0003_public_files") { db in
            try db.execute(sql: "ALTER TABLE files ADD COLUMN is_public INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("0004_log") { db in
            try db.execute(sql: """
                CREATE TABLE log_entries (
                    idx INTEGER PRIMARY KEY,
                    evidence_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    leaf_hash TEXT NOT NULL,
                    entry TEXT NOT NULL,
                    at REAL NOT NULL
                );
                CREATE INDEX log_entries_evidence ON log_entries(evidence_id, kind);
                CREATE TRIGGER log_append_only_update BEFORE UPDATE ON log_entries
                    BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only'); END;
                CREATE TRIGGER log_append_only_delete BEFORE DELETE ON log_entries
                    BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only'); END;
                """)
        }
        // Publishing is a reviewed decision (issue 12 item 7): the review fields of the request to
        // publish each file replace the flag the uploader set. Files flagged public before had no
        // review, so they come back as requests waiting for the head or a reviewer to decide.
        migrator.registerMigration("0005_publication_review") { db in
            try db.execute(sql: """
                ALTER TABLE files ADD COLUMN publication_state TEXT;
                ALTER TABLE files ADD COLUMN publication_authors TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE files ADD COLUMN publication_submitted_on TEXT;
                ALTER TABLE files ADD COLUMN publication_submitted_by TEXT;
                ALTER TABLE files ADD COLUMN publication_decided_on TEXT;
                ALTER TABLE files ADD COLUMN publication_decided_by TEXT;
                ALTER TABLE files ADD COLUMN publication_reason TEXT;
                UPDATE files SET publication_state = 'submitted',
                                 publication_submitted_on = date(uploaded_at, 'unixepoch', '+7 hours')
                    WHERE is_public = 1;
                ALTER TABLE files DROP COLUMN is_public;
                CREATE INDEX files_publication_state ON files(publication_state) WHERE publication_state IS NOT NULL;
                """)
        }
        // Drafts on the server (issue 16 item 2): a file taken off its item's draft is marked, never
        // deleted (the log that names it is append-only); the draft lists a unit's files of an item.
        migrator.registerMigration("0006_draft_detach") { db in
            try db.execute(sql: """
                ALTER TABLE files ADD COLUMN detached_at REAL;
                ALTER TABLE files ADD COLUMN detached_by TEXT;
                CREATE INDEX files_unit_supports ON files(unit_id, supports) WHERE supports IS NOT NULL;
                """)
        }
        // Block digests kept across restarts (issue 17): taken by an upload from the bytes it
        // stored, or by a whole read that matched the name; a download's chunks are checked
        // against them without reading the whole file first. 32 bytes per MiB of file.
        migrator.registerMigration("0007_block_digests") { db in
            try db.execute(sql: """
                CREATE TABLE block_digests (
                    sha256 TEXT PRIMARY KEY NOT NULL,
                    block_size INTEGER NOT NULL,
                    digests BLOB NOT NULL
                ) WITHOUT ROWID;
                """)
        }
    }
}
