extension Browser {
    /// Runs `script` as the body of a function (W3C "execute script", synchronous) with
    /// `arguments` available as `arguments[0]`, `arguments[1]`, …, and returns what it
    /// `return`s as a `JSONValue` (`.null` if nothing; numbers are always `Double`;
    /// a returned DOM element is an object keyed "element-6066-11e4-a52e-4f735466cecf").
    /// A JavaScript exception becomes `WebDriverError.protocolError` with error "javascript error".
    public func execute(_ script: String, _ arguments: [String] = []) async throws -> JSONValue {
        try await session.send(
            "POST", "execute/sync",
            ["script": .string(script), "args": .array(arguments.map { .string($0) })])
    }
}
