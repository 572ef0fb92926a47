import NIOConcurrencyHelpers
import NIOCore

/// How long a future took to complete, measured on its event loop at the moment it completes,
/// not when the awaiting task gets a thread back (which, in a test process busy with other
/// suites, can be seconds later and says nothing about the code under test).
public func completionTime<T: Sendable>(since start: ContinuousClock.Instant, of future: EventLoopFuture<T>) async
    -> (result: Result<T, any Error>, elapsed: Duration) {
    let completedAt = NIOLockedValueBox<ContinuousClock.Instant?>(nil)
    future.whenComplete { _ in completedAt.withLockedValue { $0 = .now } }
    let result: Result<T, any Error>
    do {
        result = .success(try await future.get())
    } catch {
        result = .failure(error)
    }
    return (result, (completedAt.withLockedValue { $0 } ?? .now) - start)
}
