extension Browser {
    /// Polls `condition` every 100 ms until it returns true or `timeout` seconds pass;
    /// then throws `WebDriverError.timeout(description)`. Errors thrown by `condition` end
    /// the wait and are rethrown as they are.
    public func wait(
        _ description: String, timeout: Double = 10, until condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(max(0, timeout) * 1000))
        while true {
            if try await condition() { return }
            if ContinuousClock.now >= deadline { throw WebDriverError.timeout(description) }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Waits until an element matching `css` exists whose visible text contains `text`.
    /// On timeout the error's description quotes what the matching elements showed last.
    public func waitForText(_ text: String, in css: String = "body", timeout: Double = 10) async throws {
        var lastSeen: [String] = []
        do {
            try await wait("text \"\(text)\" in \(css)", timeout: timeout) {
                // Elements may be replaced between the lookup and the read, so errors just mean "not yet".
                guard let found = try? await elements(css) else { return false }
                lastSeen = []
                for element in found {
                    guard let shown = try? await element.text else { continue }
                    if shown.contains(text) { return true }
                    lastSeen.append(shown)
                }
                return false
            }
        } catch WebDriverError.timeout(let what) {
            let seen = lastSeen.isEmpty
                ? "no matching element"
                : lastSeen.map { "\"\($0.prefix(200))\"" }.joined(separator: ", ")
            throw WebDriverError.timeout("\(what) (last seen: \(seen))")
        }
    }
}
