import GRDB

/// The metrics database, version by version.
enum MetricsSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0002_indicators_reports") { db in
            try db.execute(sql: """
                CREATE TABLE indicators (
                    id TEXT PRIMARY KEY,
                    owner_unit_id TEXT NOT NULL,
                    owner_unit_path TEXT NOT NULL,
                    plan_number TEXT NOT NULL DEFAULT '',
                    code TEXT NOT NULL,
                    name TEXT NOT NULL,
                    grp TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    measure TEXT NOT NULL,
                    unit_of_measure TEXT,
                    direction TEXT NOT NULL,
                    roll_up TEXT NOT NULL,
                    reported_by TEXT NOT NULL,
                    frequency TEXT NOT NULL,
                    max_value REAL,
                    tracking_unit_id TEXT,
                    tracking_text TEXT,
                    baseline REAL NOT NULL,
                    baseline_on TEXT NOT NULL,
                    source_line INTEGER,
                    note TEXT,
                    created_at REAL NOT NULL,
                    UNIQUE (owner_unit_id, plan_number, code)
                );
                CREATE TABLE targets (
                    indicator_id TEXT NOT NULL REFERENCES indicators(id),
                    unit_id TEXT NOT NULL,
                    milestone TEXT NOT NULL,
                    due TEXT NOT NULL,
                    target TEXT,
                    value REAL,
                    note TEXT,
                    PRIMARY KEY (indicator_id, unit_id, milestone)
                );
                -- The latest version of each unit's value for a period, and where its review stands.
                CREATE TABLE reports (
                    indicator_id TEXT NOT NULL REFERENCES indicators(id),
                    unit_id TEXT NOT NULL,
                    unit_path TEXT NOT NULL,
                    period TEXT NOT NULL,
                    state TEXT NOT NULL,
                    value REAL NOT NULL,
                    numerator REAL,
                    denominator REAL,
                    note TEXT,
                    evidence TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    reason TEXT,
                    submitted_on TEXT,
                    PRIMARY KEY (indicator_id, unit_id, period)
                );
                -- Every accepted version: what counts, and since when. Never changed.
                CREATE TABLE accepted_values (
                    indicator_id TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    period TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    value REAL NOT NULL,
                    numerator REAL,
                    denominator REAL,
                    accepted_on TEXT NOT NULL,
                    PRIMARY KEY (indicator_id, unit_id, period, version)
                );
                -- Every report, correction, submission and review. Never changed.
                CREATE TABLE report_events (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    indicator_id TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    period TEXT NOT NULL,
                    at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    account TEXT,
                    username TEXT,
                    value REAL,
                    numerator REAL,
                    denominator REAL,
                    note TEXT,
                    evidence TEXT NOT NULL DEFAULT '[]'
                );
                CREATE INDEX report_events_report ON report_events(indicator_id, unit_id, seq);
                CREATE TRIGGER report_events_append_only_update BEFORE UPDATE ON report_events
                    BEGIN SELECT RAISE(ABORT, 'report history is append-only'); END;
                CREATE TRIGGER report_events_append_only_delete BEFORE DELETE ON report_events
                    BEGIN SELECT RAISE(ABORT, 'report history is append-only'); END;
                CREATE TRIGGER accepted_values_append_only_update BEFORE UPDATE ON accepted_values
                    BEGIN SELECT RAISE(ABORT, 'accepted values are append-only'); END;
                CREATE TRIGGER accepted_values_append_only_delete BEFORE DELETE ON accepted_values
                    BEGIN SELECT RAISE(ABORT, 'accepted values are append-only'); END;
                """)
        }
        // Separation of duties: who drafted or submitted each value (any version), and who decided on it.
        // Values reported before this version get their authors from the history.
        migrator.registerMigration("0003_report_authors") { db in
            try db.execute(sql: """
                ALTER TABLE reports ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE reports ADD COLUMN decided_by TEXT;
                UPDATE reports SET authors = COALESCE((
                    SELECT json_group_array(account) FROM (
                        SELECT DISTINCT e.account FROM report_events e
                        WHERE e.indicator_id = reports.indicator_id AND e.unit_id = reports.unit_id AND e.period = reports.period
                          AND e.kind IN ('report', 'correct', 'submit') AND e.account IS NOT NULL ORDER BY e.account)
                ), '[]');
                """)
        }
        // Programmes: each indicator belongs to the KPI set of one programme (the list is the tasks
        // service's); every indicator made before this version measures 57-NQ/TW.
        migrator.registerMigration("0004_indicator_programme") { db in
            try db.execute(sql: """
                ALTER TABLE indicators ADD COLUMN programme TEXT NOT NULL DEFAULT 'nq57';
                CREATE INDEX indicators_programme ON indicators(programme);
                """)
        }
        // Comments on a unit's KPI report for a period between the unit and its reviewers (issue 16 item 5).
        migrator.registerMigration("0005_report_comments") { db in
            try db.execute(sql: """
                CREATE TABLE report_comments (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    indicator_id TEXT NOT NULL REFERENCES indicators(id),
                    unit_id TEXT NOT NULL,
                    period TEXT NOT NULL,
                    at REAL NOT NULL,
                    account TEXT,
                    username TEXT,
                    role TEXT NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX report_comments_report ON report_comments(indicator_id, unit_id, period, seq);
                """)
        }
    }
}
