extension Browser {
    /// Finds the first element matching a CSS selector, polling every 100 ms for up to
    /// `timeout` seconds (default 10), since pages built by JavaScript need waiting.
    /// Throws `WebDriverError.noSuchElement(css)` if none appears.
    public func element(_ css: String, timeout: Double = 10) async throws -> Element {
        let deadline = ContinuousClock.now + .milliseconds(Int(max(0, timeout) * 1000))
        while true {
            do {
                let reply = try await session.send(
                    "POST", "element", ["using": "css selector", "value": .string(css)])
                return try Element(reference: reply, session: session, selector: css)
            } catch let error as WebDriverError where error.w3cCode == "no such element" {
                if ContinuousClock.now >= deadline { throw WebDriverError.noSuchElement(css) }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// All elements currently matching a CSS selector, in document order; empty if none (no waiting).
    public func elements(_ css: String) async throws -> [Element] {
        let reply = try await session.send(
            "POST", "elements", ["using": "css selector", "value": .string(css)])
        return try (reply.arrayValue ?? []).map {
            try Element(reference: $0, session: session, selector: css)
        }
    }
}
