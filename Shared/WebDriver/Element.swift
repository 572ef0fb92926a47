/// An element found on the current page. It becomes stale (commands throw
/// `WebDriverError.protocolError` with error "stale element reference") once the page
/// navigates or the element is removed.
public struct Element: Sendable {
    /// The W3C key under which element references travel.
    static let referenceKey = "element-6066-11e4-a52e-4f735466cecf"

    /// The driver's id for this element.
    public let id: String
    /// The CSS selector it was found with (for messages).
    public let selector: String
    /// The session it belongs to.
    let session: SessionClient

    /// Reads a W3C element reference (`{"element-6066-…": id}`).
    init(reference: JSONValue, session: SessionClient, selector: String) throws {
        guard let id = reference[Self.referenceKey]?.stringValue else {
            throw WebDriverError.protocolError(
                status: 200, error: "unreadable reply",
                message: "not an element reference: \(reference.text ?? "null")")
        }
        self.id = id
        self.session = session
        self.selector = selector
    }

    /// Sends `method /session/{id}/element/{elementId}/path`.
    private func send(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> JSONValue {
        try await session.send(method, "element/\(id)/\(path)", body)
    }

    /// Clicks the element's centre (scrolling it into view first).
    public func click() async throws {
        _ = try await send("POST", "click")
    }

    /// Types `text` (W3C "element send keys"). For an `<input type=file>`, pass an absolute
    /// file path to upload that file.
    public func type(_ text: String) async throws {
        _ = try await send("POST", "value", ["text": .string(text)])
    }

    /// Empties an editable element (input, textarea, contenteditable).
    public func clear() async throws {
        _ = try await send("POST", "clear")
    }

    /// The element's rendered text (like `innerText`; empty if hidden).
    public var text: String {
        get async throws {
            try await send("GET", "text").stringValue ?? ""
        }
    }

    /// The HTML attribute `name` as written in the markup, or `nil` if absent.
    public func attribute(_ name: String) async throws -> String? {
        try await send("GET", "attribute/\(name)").text
    }

    /// The DOM property `name` (e.g. "value", "checked") rendered as text via `JSONValue.text`
    /// (booleans as "true"/"false", integral numbers without fraction), or `nil` if null/undefined.
    public func property(_ name: String) async throws -> String? {
        try await send("GET", "property/\(name)").text
    }

    /// Whether the element is visible to a user (W3C "is element displayed").
    public var isDisplayed: Bool {
        get async throws {
            try await send("GET", "displayed").boolValue ?? false
        }
    }
}
