import Dispatch
import Synchronization

/// Runs an async object-store call from the blocking thread that a ``BlobStore`` method runs
/// on (NIO's thread pool, as the protocol requires), and waits for it there. The call itself
/// runs on Swift's cooperative pool and AsyncHTTPClient's event loops, never on the waiting thread.
enum BlockingBridge {
    /// The result of `work`, waited for.
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        try start(work).wait()
    }

    /// Starts `work` now; ``Pending/wait()`` collects its result later.
    static func start<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Pending<T> {
        Pending(work)
    }

    /// A call started by ``start(_:)``.
    final class Pending<T: Sendable>: Sendable {
        private let outcome: Outcome<T>
        private let task: Task<Void, Never>

        fileprivate init(_ work: @escaping @Sendable () async throws -> T) {
            let outcome = Outcome<T>()
            self.outcome = outcome
            task = Task {
                do { outcome.set(.success(try await work())) } catch { outcome.set(.failure(error)) }
            }
        }

        /// Blocks the calling thread until the call ends; returns or throws what it did.
        func wait() throws -> T {
            try outcome.wait()
        }

        /// Suspends until the call ends, without blocking a thread.
        func value() async throws -> T {
            await task.value
            return try outcome.wait()
        }

        /// Asks the call to stop (its result is then usually a cancellation error).
        func cancel() {
            task.cancel()
        }
    }

    /// A result set once, and a semaphore that wakes those waiting for it.
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        private let result = Mutex<Result<T, any Error>?>(nil)
        private let done = DispatchSemaphore(value: 0)

        func set(_ value: Result<T, any Error>) {
            result.withLock { $0 = value }
            done.signal()
        }

        func wait() throws -> T {
            if let ready = result.withLock({ $0 }) { return try ready.get() }
            done.wait()
            done.signal()
            return try result.withLock { $0! }.get()
        }
    }
}
