extension Browser {
    /// Navigates to `url` (http, https, file or data URL) and waits for the page load the
    /// W3C way (document ready state "complete").
    public func open(_ url: String) async throws {
        _ = try await session.send("POST", "url", ["url": .string(url)])
    }

    /// The URL of the current page.
    public var currentURL: String {
        get async throws {
            try await session.send("GET", "url").stringValue ?? ""
        }
    }

    /// The current page's `document.title`.
    public var title: String {
        get async throws {
            try await session.send("GET", "title").stringValue ?? ""
        }
    }
}
