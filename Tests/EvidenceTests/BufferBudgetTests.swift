import Foundation
import NQ57TestSupport
import NQ57Wire
import NIOConcurrencyHelpers
import Testing
@testable import EvidenceCore

/// The memory the evidence service may hold in file bytes: leases, waiting in turn, refusal
/// after the wait limit, and no byte ever lost or counted twice.
@Suite struct BufferBudgetTests {
    /// Waits (at most 30 s) until `budget` has `count` callers waiting; whether it has.
    private func waiting(_ budget: BufferBudget, _ count: Int) async throws -> Bool {
        try await eventually { budget.waiting == count }
    }

    @Test("Leases that fit are granted at once; bytes come back on release, once, or when the lease is dropped")
    func leasesAndReturns() async throws {
        let budget = BufferBudget(capacity: 10)
        let four = try await budget.lease(4)
        var six: BufferLease? = try await budget.lease(6)
        #expect(budget.free == 0)
        four.release()
        four.release()
        #expect(budget.free == 4)
        #expect(six?.bytes == 6)
        six = nil
        #expect(budget.free == 10)
        let nothing = try await budget.lease(0)
        #expect(nothing.bytes == 0 && budget.free == 10)
    }

    @Test("A lease larger than the whole budget is cut to it, so it is granted once everything else is back")
    func largerThanTheBudget() async throws {
        let budget = BufferBudget(capacity: 10, waitLimit: .seconds(30))
        let small = try await budget.lease(3)
        let large = Task { try await budget.lease(50).bytes }
        #expect(try await waiting(budget, 1))
        small.release()
        #expect(try await large.value == 10)
        #expect(budget.free == 10)
    }

    @Test("A lease that does not fit waits its turn, and a smaller one behind it does not pass it")
    func firstComeFirstServed() async throws {
        let budget = BufferBudget(capacity: 10, waitLimit: .seconds(30))
        let held = try await budget.lease(8)
        let order = NIOLockedValueBox<[String]>([])
        let five = Task {
            let lease = try await budget.lease(5)
            order.withLockedValue { $0.append("five") }
            return lease
        }
        #expect(try await waiting(budget, 1))
        let one = Task {
            let lease = try await budget.lease(1)
            order.withLockedValue { $0.append("one") }
            return lease
        }
        #expect(try await waiting(budget, 2))
        // Two bytes are free, enough for the one behind, which still waits.
        try await Task.sleep(for: .milliseconds(50))
        #expect(order.withLockedValue { $0 }.isEmpty)
        held.release()
        let leases = [try await five.value, try await one.value]
        #expect(order.withLockedValue { $0 } == ["five", "one"])
        #expect(budget.free == 4)
        leases.forEach { $0.release() }
        #expect(budget.free == 10)
    }

    @Test("A caller that waits past the limit is refused as busy, holds nothing, and lets the next in")
    func refusedAfterTheLimit() async throws {
        let budget = BufferBudget(capacity: 10, waitLimit: .milliseconds(200))
        let held = try await budget.lease(7)
        let error = await rpcError { _ = try await budget.lease(5) }
        #expect(error?.code == .unavailable)
        #expect(error?.details?["reason"] == "busy")
        #expect(error?.message.contains("thử lại") == true)
        #expect(budget.waiting == 0)
        #expect(budget.free == 3)
        let three = try await budget.lease(3)
        held.release()
        three.release()
        #expect(budget.free == 10)
    }

    @Test("A waiter whose task is cancelled leaves the queue; the one behind it goes on")
    func cancelledWaiter() async throws {
        let budget = BufferBudget(capacity: 10, waitLimit: .seconds(30))
        let held = try await budget.lease(6)
        let blocked = Task { try await budget.lease(8) }
        #expect(try await waiting(budget, 1))
        let behind = Task { try await budget.lease(4) }
        #expect(try await waiting(budget, 2))
        blocked.cancel()
        await #expect(throws: CancellationError.self) { _ = try await blocked.value }
        let lease = try await behind.value
        #expect(budget.waiting == 0)
        held.release()
        lease.release()
        #expect(budget.free == 10)
    }

    @Test("A flood of 200 callers at once: never more leased than the budget, every one served, every byte back")
    func flood() async throws {
        // Each caller waits for those before it to be scheduled twice: under a full test run's load that can
        // take a minute, so the limit is far away (a wake-up lost for good still fails, as busy).
        let budget = BufferBudget(capacity: 10, waitLimit: .seconds(300))
        // Bytes held now and the most ever held, as the callers count them.
        let held = NIOLockedValueBox((now: 0, most: 0))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let bytes = 1 + index % 4
                    let lease = try await budget.lease(bytes)
                    held.withLockedValue { $0.now += bytes; $0.most = max($0.most, $0.now) }
                    await Task.yield()
                    held.withLockedValue { $0.now -= bytes }
                    lease.release()
                }
            }
            try await group.waitForAll()
        }
        #expect(held.withLockedValue { $0.most } <= 10)
        #expect(held.withLockedValue { $0.most } > 0)
        #expect(budget.free == 10)
        #expect(budget.waiting == 0)
    }

    @Test("One holder holds, or waits for, at most its share beside its first lease; more is refused at once; other holders go on")
    func holderShare() async throws {
        let budget = BufferBudget(capacity: 100, waitLimit: .seconds(30), holderShare: 30)
        // A first lease of any size: an S3 upload needs more than a small budget's share.
        let big = try await budget.lease(60, for: "a")
        let refused = await rpcError { _ = try await budget.lease(1, for: "a") }
        #expect(refused?.code == .resourceExhausted)
        #expect(refused?.details?["reason"] == "accountShare")
        #expect(budget.held(by: "a") == 60 && budget.free == 40 && budget.waiting == 0)
        let other = try await budget.lease(30, for: "b")
        big.release()
        #expect(budget.held(by: "a") == 0)

        // What a holder waits for counts too: it cannot queue past its share.
        let filler = try await budget.lease(70)
        let waiting = Task { try await budget.lease(20, for: "a") }
        #expect(try await eventually { budget.waiting == 1 })
        #expect(await rpcError { _ = try await budget.lease(20, for: "a") }?.details?["reason"] == "accountShare")
        filler.release()
        let granted = try await waiting.value
        #expect(budget.held(by: "a") == 20)
        granted.release()
        other.release()
        #expect(budget.free == 100 && budget.held(by: "a") == 0 && budget.held(by: "b") == 0)
    }
}
