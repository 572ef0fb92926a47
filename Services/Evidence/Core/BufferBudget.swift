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
///
/// One holder (an account, or everyone reading published files) may hold, or wait for, at
/// most ``holderShare`` (a quarter of the budget by default) beside its first lease; more is refused at once with
/// `resource_exhausted` (reason `accountShare`). Without it one account opening its 20 uploads
/// could take the whole budget and keep everyone else waiting for as long as it liked.
public final class BufferBudget: Sendable {
    /// The bytes that may be leased at once.
    public let capacity: Int
    /// How long a caller waits for room before it is refused.
    public let waitLimit: Duration
    /// The most one holder may hold or wait for at once, beyond its first lease.
    public let holderShare: Int

    private struct Waiter {
        let id: UInt64
        let bytes: Int
        let holder: String?
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var free: Int
        var waiters: [Waiter] = []
        var nextId: UInt64 = 0
        /// Bytes each holder holds or waits for.
        var held: [String: Int] = [:]

        mutating func count(_ bytes: Int, for holder: String?) {
            guard let holder else { return }
            let now = held[holder, default: 0] + bytes
            held[holder] = now > 0 ? now : nil
        }
    }

    private let state: NIOLockedValueBox<State>

    /// A budget of `capacity` bytes whose callers wait at most `waitLimit` for room, each
    /// holder holding at most `holderShare` (a quarter of the capacity when not given).
    public init(capacity: Int, waitLimit: Duration = .seconds(20), holderShare: Int? = nil) {
        self.capacity = max(1, capacity)
        self.waitLimit = waitLimit
        self.holderShare = max(1, holderShare ?? capacity / 4)
        state = NIOLockedValueBox(State(free: max(1, capacity)))
    }

    /// Bytes `holder` holds or waits for now.
    public func held(by holder: String) -> Int { state.withLockedValue { $0.held[holder, default: 0] } }

    /// Bytes not leased now.
    public var free: Int { state.withLockedValue { $0.free } }

    /// Callers waiting for room now.
    public var waiting: Int { state.withLockedValue { $0.waiters.count } }

    /// Leases `bytes` (at most ``capacity``, so that one lease can always be had once the
    /// others are returned) for `holder` (nil: counted for no one), waiting in turn for room;
    /// refused at once with `resource_exhausted` (reason `accountShare`) when the holder
    /// already holds something and would pass ``holderShare``, with `unavailable` (reason
    /// `busy`) after ``waitLimit``, or with `CancellationError` when the task is cancelled.
    public func lease(_ bytes: Int, for holder: String? = nil) async throws -> BufferLease {
        let bytes = min(max(0, bytes), capacity)
        guard bytes > 0 else { return BufferLease(budget: nil, bytes: 0, holder: nil) }
        let id = state.withLockedValue { state -> UInt64 in
            defer { state.nextId += 1 }
            return state.nextId
        }
        // The clock starts once the caller is in the queue, so its refusal cannot come before it.
        let timer = NIOLockedValueBox<Task<Void, Never>?>(nil)
        defer { timer.withLockedValue { $0?.cancel() } }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let share = holderShare
                let outcome = state.withLockedValue { state -> Result<Bool, any Error> in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if let holder, let mine = state.held[holder], mine + bytes > share {
                        return .failure(Self.overShare(share))
                    }
                    state.count(bytes, for: holder)
                    if state.waiters.isEmpty, state.free >= bytes {
                        state.free -= bytes
                        return .success(true)
                    }
                    state.waiters.append(Waiter(id: id, bytes: bytes, holder: holder, continuation: continuation))
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
        return BufferLease(budget: self, bytes: bytes, holder: holder)
    }

    /// The refusal of a holder that asks for more than its share.
    static func overShare(_ share: Int) -> RPCError {
        RPCError(.resourceExhausted, "Tài khoản này đang giữ phần bộ nhớ tối đa dành cho một tài khoản (\(share >> 20) MiB) trên máy chủ minh chứng; "
                 + "hãy hoàn tất hoặc hủy bớt các lượt tải lên đang mở rồi thử lại.", details: ["reason": "accountShare", "limit": String(share)])
    }

    /// The refusal of a caller that waited ``waitLimit`` in vain.
    static var busy: RPCError {
        RPCError(.unavailable, "Máy chủ minh chứng đang xử lý quá nhiều tệp cùng lúc; hãy thử lại sau ít phút.",
                 details: ["reason": "busy"])
    }

    /// Returns `holder`'s `bytes` and lets in the waiters, in turn, that now fit.
    fileprivate func giveBack(_ bytes: Int, holder: String?) {
        let admitted = state.withLockedValue { state -> [Waiter] in
            state.free += bytes
            state.count(-bytes, for: holder)
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
            state.count(-refused.bytes, for: refused.holder)
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
    private let holder: String?
    private let returned = NIOLockedValueBox(false)

    fileprivate init(budget: BufferBudget?, bytes: Int, holder: String?) {
        self.budget = budget
        self.bytes = bytes
        self.holder = holder
    }

    /// Gives the bytes back; later calls do nothing.
    public func release() {
        let first = returned.withLockedValue { returned -> Bool in
            defer { returned = true }
            return !returned
        }
        if first { budget?.giveBack(bytes, holder: holder) }
    }

    deinit { release() }
}
