import NIOConcurrencyHelpers
import NQ57Wire

/// The bytes of evidence the service may hold in memory at once: the parts an upload keeps
/// on their way to the object store, and the chunk a read answers with. Each holder leases
/// its bytes first. When the budget is spent, callers wait in turn (first come, first served,
/// so a large lease is not passed over forever by small ones) for at most ``waitLimit``, then
/// are refused with `unavailable` (reason `busy`), having sent or lost nothing. So the
/// service's memory stays bounded however many people upload and download at once.
///
/// Waiting holds no thread: a waiter is a suspended task.
public final class BufferBudget: Sendable {
    /// The bytes that may be leased at once.
    public let capacity: Int
    /// How long a caller waits for room before it is refused.
    public let waitLimit: Duration

    private struct Waiter {
        let id: UInt64
        let bytes: Int
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var free: Int
        var waiters: [Waiter] = []
        var nextId: UInt64 = 0
    }

    private let state: NIOLockedValueBox<State>

    /// A budget of `capacity` bytes whose callers wait at most `waitLimit` for room.
    public init(capacity: Int, waitLimit: Duration = .seconds(20)) {
        self.capacity = max(1, capacity)
        self.waitLimit = waitLimit
        state = NIOLockedValueBox(State(free: max(1, capacity)))
    }

    /// Bytes not leased now.
    public var free: Int { state.withLockedValue { $0.free } }

    /// Callers waiting for room now.
    public var waiting: Int { state.withLockedValue { $0.waiters.count } }

    /// Leases `bytes` (at most ``capacity``, so that one lease can always be had once the
    /// others are returned), waiting in turn for room; refused with `unavailable` (reason
    /// `busy`) after ``waitLimit``, or with `CancellationError` when the task is cancelled.
    public func lease(_ bytes: Int) async throws -> BufferLease {
        let bytes = min(max(0, bytes), capacity)
        guard bytes > 0 else { return BufferLease(budget: nil, bytes: 0) }
        let id = state.withLockedValue { state -> UInt64 in
            defer { state.nextId += 1 }
            return state.nextId
        }
        // The clock starts once the caller is in the queue, so its refusal cannot come before it.
        let timer = NIOLockedValueBox<Task<Void, Never>?>(nil)
        defer { timer.withLockedValue { $0?.cancel() } }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLockedValue { state -> Result<Bool, CancellationError> in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.waiters.isEmpty, state.free >= bytes {
                        state.free -= bytes
                        return .success(true)
                    }
                    state.waiters.append(Waiter(id: id, bytes: bytes, continuation: continuation))
                    return .success(false)
                }
                switch outcome {
                case .success(true): continuation.resume()
                case .failure(let error): continuation.resume(throwing: error)
                case .success(false):
                    let limit = waitLimit
                    timer.withLockedValue {
                        $0 = Task { [weak self] in
                            guard (try? await Task.sleep(for: limit)) != nil else { return }
                            self?.giveUp(id, with: Self.busy)
                        }
                    }
                }
            }
        } onCancel: {
            giveUp(id, with: CancellationError())
        }
        return BufferLease(budget: self, bytes: bytes)
    }

    /// The refusal of a caller that waited ``waitLimit`` in vain.
    static var busy: RPCError {
        RPCError(.unavailable, "Máy chủ minh chứng đang xử lý quá nhiều tệp cùng lúc; hãy thử lại sau ít phút.",
                 details: ["reason": "busy"])
    }

    /// Returns `bytes` and lets in the waiters, in turn, that now fit.
    fileprivate func giveBack(_ bytes: Int) {
        let admitted = state.withLockedValue { state -> [Waiter] in
            state.free += bytes
            return Self.admit(&state)
        }
        admitted.forEach { $0.continuation.resume() }
    }

    /// Takes waiter `id` out of the queue, if it still waits, refusing it with `error`; the
    /// waiters behind it may now fit.
    private func giveUp(_ id: UInt64, with error: any Error) {
        let (refused, admitted) = state.withLockedValue { state -> (Waiter?, [Waiter]) in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return (nil, []) }
            let refused = state.waiters.remove(at: index)
            return (refused, Self.admit(&state))
        }
        refused?.continuation.resume(throwing: error)
        admitted.forEach { $0.continuation.resume() }
    }

    /// Takes out of the queue, in order, the waiters that fit; stops at the first that does not.
    private static func admit(_ state: inout State) -> [Waiter] {
        var admitted: [Waiter] = []
        while let first = state.waiters.first, first.bytes <= state.free {
            state.free -= first.bytes
            admitted.append(state.waiters.removeFirst())
        }
        return admitted
    }
}

/// Bytes leased from a ``BufferBudget``: returned by ``release()`` or, at the latest, when
/// the lease is no longer referenced (an upload dropped by any path gives its bytes back).
public final class BufferLease: Sendable {
    private let budget: BufferBudget?
    /// The bytes leased.
    public let bytes: Int
    private let returned = NIOLockedValueBox(false)

    fileprivate init(budget: BufferBudget?, bytes: Int) {
        self.budget = budget
        self.bytes = bytes
    }

    /// Gives the bytes back; later calls do nothing.
    public func release() {
        let first = returned.withLockedValue { returned -> Bool in
            defer { returned = true }
            return !returned
        }
        if first { budget?.giveBack(bytes) }
    }

    deinit { release() }
}
