/// `sys.health`: is the service up, and how is its database?
///
/// Every service answers it. The gateway answers for itself and every backend; with
/// `service` set it forwards the call to that one backend.
public enum SysHealth: APIMethod {
    public static let name = "sys.health"
    public static let policy = AccessPolicy.open
    public static let summary = "Health of the service; at the gateway, of every backend, or of the one named."

    /// Which backend to ask (gateway only); absent asks all.
    public struct Params: Codable, Sendable, Equatable, ShapeDocumented {
        /// The backend to ask, at the gateway; nil asks every backend.
        public var service: ServiceName?
        /// Creates params.
        public init(service: ServiceName? = nil) { self.service = service }
        public static var fieldDocs: [String: String] { ["service": "at the gateway: ask only this backend"] }
    }

    public typealias Result = HealthReport
}

/// How a service is.
public enum HealthStatus: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    /// Serving.
    case ok
    /// Serving, but something it depends on is not (the gateway with a backend down).
    case degraded
    /// Not answering.
    case down
}

/// A service's health report.
public struct HealthReport: Codable, Sendable, Equatable, ShapeDocumented {
    /// The service: gateway, auth, tasks, evidence, metrics.
    public var service: String
    /// ok, degraded or down.
    public var status: HealthStatus
    /// The nq57 version the service runs.
    public var version: String?
    /// Its process id.
    public var pid: Int32?
    /// Seconds since it started.
    public var uptimeSeconds: Double?
    /// Its database, for services that have one.
    public var database: DatabaseHealth?
    /// Why it is not ok, for a person (Vietnamese).
    public var message: String?
    /// Round trip of the health check from the gateway, in milliseconds.
    public var latencyMilliseconds: Double?
    /// At the gateway: the report of each backend.
    public var services: [HealthReport]?
    /// The day the service takes as today (yyyy-MM-dd, Asia/Ho_Chi_Minh): not the calendar's
    /// when the system was started with `--now`.
    public var today: String?

    /// Creates a report.
    public init(service: String, status: HealthStatus, version: String? = NQ57Version.current, pid: Int32? = nil,
                uptimeSeconds: Double? = nil, database: DatabaseHealth? = nil, message: String? = nil,
                latencyMilliseconds: Double? = nil, services: [HealthReport]? = nil) {
        self.service = service
        self.status = status
        self.version = version
        self.pid = pid
        self.uptimeSeconds = uptimeSeconds
        self.database = database
        self.message = message
        self.latencyMilliseconds = latencyMilliseconds
        self.services = services
    }

    public static var fieldDocs: [String: String] {
        [
            "service": "gateway, auth, tasks, evidence or metrics",
            "status": "ok, degraded (a backend is down) or down",
            "version": "nq57 version",
            "pid": "process id",
            "uptimeSeconds": "seconds since start",
            "database": "the service's SQLite database",
            "message": "why it is not ok, for a person",
            "latencyMilliseconds": "round trip of the check from the gateway",
            "services": "at the gateway: each backend's report",
            "today": "the day the service takes as today (yyyy-MM-dd)",
        ]
    }
}

/// The state of a service's SQLite database.
public struct DatabaseHealth: Codable, Sendable, Equatable, ShapeDocumented {
    /// The database file.
    public var path: String
    /// SQLite's journal mode; `wal` expected.
    public var journalMode: String
    /// The migrations applied, in order.
    public var migrations: [String]

    /// Creates a database report.
    public init(path: String, journalMode: String, migrations: [String]) {
        self.path = path
        self.journalMode = journalMode
        self.migrations = migrations
    }

    public static var fieldDocs: [String: String] {
        ["path": "database file", "journalMode": "SQLite journal mode (wal)", "migrations": "applied migrations, in order"]
    }
}

extension HealthReport {
    /// The report as anyone may see it: no process ids and no file paths (the database's
    /// journal mode and migrations stay), for this report and the backends' inside it.
    public var redacted: HealthReport {
        var report = self
        report.pid = nil
        report.database?.path = ""
        report.services = services?.map(\.redacted)
        return report
    }
}

extension Caller {
    /// Whether the caller may see process ids and paths in health reports: an admin anywhere.
    public var seesSystemDetails: Bool { grants.contains { $0.role == .admin } }
}
