import GRDB

/// The auth database, version by version.
enum AuthSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0002_units_accounts_sessions_audit") { db in
            try db.execute(sql: """
                CREATE TABLE units (
                    id TEXT PRIMARY KEY,
                    code TEXT,
                    kind TEXT NOT NULL,
                    parent_id TEXT REFERENCES units(id),
                    path TEXT NOT NULL UNIQUE,
                    created_at REAL NOT NULL
                );
                CREATE INDEX units_code ON units(code);
                CREATE TABLE unit_names (
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    valid_from TEXT NOT NULL,
                    name TEXT NOT NULL,
                    PRIMARY KEY (unit_id, valid_from)
                );
                INSERT INTO units (id, code, kind, parent_id, path, created_at) VALUES ('vn', NULL, 'central', NULL, '/vn/', 0);
                INSERT INTO unit_names (unit_id, valid_from, name) VALUES ('vn', '1945-09-02', 'Trung ương');

                CREATE TABLE accounts (
                    id TEXT PRIMARY KEY,
                    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    display_name TEXT NOT NULL,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    password_hash TEXT,
                    personal_number TEXT UNIQUE,
                    created_at REAL NOT NULL
                );
                CREATE TABLE grants (
                    account_id TEXT NOT NULL REFERENCES accounts(id),
                    role TEXT NOT NULL,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    granted_at REAL NOT NULL,
                    PRIMARY KEY (account_id, role, unit_id)
                );
                -- Failed logins by the name typed, known or not, so a lockout says nothing
                -- about whether an account exists.
                CREATE TABLE login_failures (
                    username TEXT PRIMARY KEY COLLATE NOCASE,
                    failures INTEGER NOT NULL,
                    locked_until REAL
                );
                CREATE TABLE sessions (
                    id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL REFERENCES accounts(id),
                    refresh_hash TEXT NOT NULL UNIQUE,
                    created_at REAL NOT NULL,
                    refresh_expires_at REAL NOT NULL,
                    revoked_at REAL
                );
                CREATE TABLE revocations (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    session_id TEXT NOT NULL,
                    at REAL NOT NULL
                );
                CREATE TABLE audit (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL,
                    account_id TEXT,
                    username TEXT,
                    unit_path TEXT NOT NULL,
                    action TEXT NOT NULL,
                    method TEXT,
                    target TEXT,
                    outcome TEXT NOT NULL
                );
                CREATE INDEX audit_unit_path ON audit(unit_path, seq);
                CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        }
        // The gateway resends a batch whose answer it did not get; each record's id keeps it to one entry.
        migrator.registerMigration("0003_audit_record_ids") { db in
            try db.execute(sql: """
                ALTER TABLE audit ADD COLUMN record_id TEXT;
                CREATE UNIQUE INDEX audit_record_id ON audit(record_id) WHERE record_id IS NOT NULL;
                """)
        }
        // An admin's reset sets a temporary password that the account must change at its next login.
        migrator.registerMigration("0004_must_change_password") { db in
            try db.execute(sql: """
                ALTER TABLE accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE accounts ADD COLUMN password_changed_at REAL;
                """)
        }
        // INSERT OR REPLACE over an entry deletes it without running the DELETE trigger (SQLite runs
        // triggers of a REPLACE's deletion only with recursive_triggers on, per connection): so any
        // insert that lands on an existing entry's seq or record id is refused outright.
        migrator.registerMigration("0005_audit_refuses_replace") { db in
            try db.execute(sql: """
                CREATE TRIGGER audit_append_only_replace BEFORE INSERT ON audit
                    WHEN EXISTS (SELECT 1 FROM audit WHERE seq = NEW.seq)
                      OR (NEW.record_id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE record_id = NEW.record_id))
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        }
        // Refresh tokens already swapped, kept (hashed) while their session could still refresh: one
        // presented again ends the session (RFC 9700 § 4.14.2). ID tokens used to log in, kept (hashed)
        // until they expire, so each logs in once.
        migrator.registerMigration("0006_used_tokens") { db in
            try db.execute(sql: """
                CREATE TABLE used_refresh_tokens (
                    hash TEXT PRIMARY KEY,
                    session_id TEXT NOT NULL REFERENCES sessions(id)
                );
                CREATE INDEX used_refresh_tokens_session ON used_refresh_tokens(session_id);
                CREATE TABLE used_identity_tokens (
                    hash TEXT PRIMARY KEY,
                    expires_at REAL NOT NULL
                );
                """)
        }
        // Units over time: a merge or split ends units on a day (ended_on) and links them to the
        // units that carry on; every rename, merge and split is an event (who, when, why), kept
        // append-only like the audit log.
        migrator.registerMigration("0007_unit_changes") { db in
            try db.execute(sql: """
                ALTER TABLE units ADD COLUMN ended_on TEXT;
                CREATE TABLE unit_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    effective_on TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    previous_name TEXT,
                    new_name TEXT,
                    account_id TEXT,
                    username TEXT,
                    recorded_at REAL NOT NULL
                );
                CREATE TABLE unit_event_units (
                    event_id INTEGER NOT NULL REFERENCES unit_events(id),
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    side TEXT NOT NULL,
                    PRIMARY KEY (event_id, unit_id, side)
                );
                CREATE INDEX unit_event_units_unit ON unit_event_units(unit_id);
                CREATE TRIGGER unit_events_append_only_update BEFORE UPDATE ON unit_events
                    BEGIN SELECT RAISE(ABORT, 'unit events are append-only'); END;
                CREATE TRIGGER unit_events_append_only_delete BEFORE DELETE ON unit_events
                    BEGIN SELECT RAISE(ABORT, 'unit events are append-only'); END;
                CREATE TRIGGER unit_event_units_append_only_update BEFORE UPDATE ON unit_event_units
                    BEGIN SELECT RAISE(ABORT, 'unit events are append-only'); END;
                CREATE TRIGGER unit_event_units_append_only_delete BEFORE DELETE ON unit_event_units
                    BEGIN SELECT RAISE(ABORT, 'unit events are append-only'); END;
                """)
        }
        // Reminders are mailed as one daily digest: each person's address, and whether they want it.
        migrator.registerMigration("0008_account_mail") { db in
            try db.execute(sql: """
                ALTER TABLE accounts ADD COLUMN email TEXT;
                ALTER TABLE accounts ADD COLUMN mail_reminders INTEGER NOT NULL DEFAULT 1;
                """)
        }
        // The refresh token a session's last rotation replaced, and when: a client whose answer to a
        // refresh was lost (it gave up waiting) may present it again for a short while.
        migrator.registerMigration("0009_refresh_retry") { db in
            try db.execute(sql: """
                ALTER TABLE sessions ADD COLUMN previous_refresh_hash TEXT;
                ALTER TABLE sessions ADD COLUMN rotated_at REAL;
                CREATE INDEX sessions_previous_refresh ON sessions(previous_refresh_hash);
                """)
        }
    }
}
