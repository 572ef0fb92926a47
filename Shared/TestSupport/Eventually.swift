/// Waits until `condition` holds, looking every `interval`, for at most `limit`; returns whether
/// it holds. For tests that wait on work done in the background: under a full test run on two
/// cores, work that takes milliseconds alone can take seconds, so the limit is generous and a
/// test that passes returns as soon as the condition holds.
public func eventually(within limit: Duration = .seconds(30), every interval: Duration = .milliseconds(10),
                       _ condition: () throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + limit
    while try !condition() {
        guard ContinuousClock.now < deadline else { return false }
        try await Task.sleep(for: interval)
    }
    return true
}
