import Logging
import Synchronization

/// Log records kept in memory, so a test can say what a component logged and at what level.
public final class CapturedLogs: Sendable {
    /// One record: its level and message.
    public struct Record: Sendable, Equatable {
        public let level: Logger.Level
        public let message: String
    }

    private let records = Mutex<[Record]>([])

    public init() {}

    /// A logger, at `level` and above, whose records this keeps.
    public func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "captured") { _ in Handler(logs: self) }
        logger.logLevel = level
        return logger
    }

    /// The messages logged at exactly `level`, in order.
    public func messages(at level: Logger.Level) -> [String] {
        records.withLock { $0.filter { $0.level == level }.map(\.message) }
    }

    fileprivate func keep(_ record: Record) { records.withLock { $0.append(record) } }

    private struct Handler: LogHandler {
        let logs: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            logs.keep(Record(level: event.level, message: event.message.description))
        }
    }
}
