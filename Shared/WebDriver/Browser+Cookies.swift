extension Browser {
    /// The cookies visible to the current page (including HttpOnly ones).
    public func cookies() async throws -> [Cookie] {
        try await session.send("GET", "cookie").arrayValue?.compactMap(Cookie.init(json:)) ?? []
    }

    /// Deletes every cookie visible to the current page.
    public func deleteAllCookies() async throws {
        _ = try await session.send("DELETE", "cookie")
    }
}
