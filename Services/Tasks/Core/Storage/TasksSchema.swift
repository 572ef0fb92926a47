import GRDB

/// The tasks database, version by version.
enum TasksSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0002_plans_tasks_claims") { db in
            try db.execute(sql: """
                CREATE TABLE plans (
                    id TEXT PRIMARY KEY,
                    number TEXT NOT NULL,
                    title TEXT NOT NULL,
                    issuing_unit_id TEXT NOT NULL,
                    issuing_unit_path TEXT NOT NULL,
                    issued_on TEXT NOT NULL,
                    implements TEXT NOT NULL,
                    period TEXT,
                    created_at REAL NOT NULL,
                    UNIQUE (issuing_unit_id, number)
                );
                CREATE TABLE task_groups (
                    plan_id TEXT NOT NULL REFERENCES plans(id),
                    code TEXT NOT NULL,
                    title TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (plan_id, code)
                );
                CREATE TABLE tasks (
                    id TEXT PRIMARY KEY,
                    plan_id TEXT NOT NULL REFERENCES plans(id),
                    group_code TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    lead_unit_id TEXT NOT NULL,
                    lead_unit_path TEXT NOT NULL,
                    cooperating TEXT NOT NULL,
                    output TEXT,
                    time_text TEXT NOT NULL,
                    deadline TEXT,
                    recurrence TEXT,
                    assigned_on TEXT NOT NULL,
                    state TEXT NOT NULL,
                    percent INTEGER NOT NULL DEFAULT 0,
                    created_at REAL NOT NULL
                );
                CREATE INDEX tasks_lead_unit_path ON tasks(lead_unit_path);
                -- One claim per task (period '') or per period of a recurring task.
                CREATE TABLE claims (
                    task_id TEXT NOT NULL REFERENCES tasks(id),
                    period TEXT NOT NULL,
                    state TEXT NOT NULL,
                    evidence TEXT NOT NULL,
                    note TEXT,
                    submitted_on TEXT,
                    sent_back_on TEXT,
                    decided_on TEXT,
                    PRIMARY KEY (task_id, period)
                );
                -- Every progress report, claim, submission and review; never updated.
                CREATE TABLE task_events (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    task_id TEXT NOT NULL REFERENCES tasks(id),
                    at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    account TEXT,
                    username TEXT,
                    percent INTEGER,
                    note TEXT,
                    difficulties TEXT,
                    evidence TEXT NOT NULL DEFAULT '[]',
                    period TEXT
                );
                CREATE INDEX task_events_task ON task_events(task_id, seq);
                CREATE TRIGGER task_events_append_only_update BEFORE UPDATE ON task_events
                    BEGIN SELECT RAISE(ABORT, 'task history is append-only'); END;
                CREATE TRIGGER task_events_append_only_delete BEFORE DELETE ON task_events
                    BEGIN SELECT RAISE(ABORT, 'task history is append-only'); END;
                """)
        }
        // Separation of duties: who drafted or submitted each claim, and who decided on it. Claims made
        // before this version get their authors from the history, which has recorded every step.
        migrator.registerMigration("0003_claim_authors") { db in
            try db.execute(sql: """
                ALTER TABLE claims ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE claims ADD COLUMN decided_by TEXT;
                UPDATE claims SET authors = COALESCE((
                    SELECT json_group_array(account) FROM (
                        SELECT DISTINCT e.account FROM task_events e
                        WHERE e.task_id = claims.task_id AND COALESCE(e.period, '') = claims.period
                          AND e.kind IN ('claim', 'submit') AND e.account IS NOT NULL ORDER BY e.account)
                ), '[]');
                """)
        }
            // Reminders that escalate: the grace days of each plan before its overdue items go to the steering
        // members; each reminder to each person once (its key), and one mailed digest per person per day.
        migrator.registerMigration("0004_reminders") { db in
            try db.execute(sql: """
                ALTER TABLE plans ADD COLUMN escalate_after_days INTEGER NOT NULL DEFAULT 7;
                CREATE TABLE reminders (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    key TEXT NOT NULL UNIQUE,
                    account_id TEXT NOT NULL,
                    username TEXT NOT NULL,
                    display_name TEXT NOT NULL,
                    email TEXT,
                    stage TEXT NOT NULL,
                    item_kind TEXT NOT NULL,
                    item_id TEXT NOT NULL,
                    period TEXT,
                    title TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    due_on TEXT NOT NULL,
                    raised_on TEXT NOT NULL,
                    message TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    read_at REAL,
                    mail_state TEXT NOT NULL,
                    mailed_at REAL
                );
                CREATE INDEX reminders_account ON reminders(account_id, id);
                CREATE INDEX reminders_mail_pending ON reminders(mail_state, account_id);
                CREATE TABLE reminder_digests (
                    account_id TEXT NOT NULL,
                    day TEXT NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    reminders INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    updated_at REAL NOT NULL,
                    PRIMARY KEY (account_id, day)
                );
                """)
        }
            // Requests for explanation (yêu cầu giải trình) about red flags, and the unit's answer.
        migrator.registerMigration("0005_explanation_requests") { db in
            try db.execute(sql: """
                CREATE TABLE explanation_requests (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL,
                    unit_path TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    item_id TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    period TEXT,
                    question TEXT NOT NULL,
                    due_on TEXT NOT NULL,
                    requested_by TEXT NOT NULL,
                    requested_on TEXT NOT NULL,
                    requested_at REAL NOT NULL,
                    answer TEXT,
                    evidence TEXT NOT NULL DEFAULT '[]',
                    answered_by TEXT,
                    answered_on TEXT,
                    answered_at REAL
                );
                CREATE INDEX explanation_requests_unit ON explanation_requests(unit_path, requested_at);
                """)
        }
    }
}
