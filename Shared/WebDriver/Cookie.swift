/// A cookie as reported by the browser for the current page.
public struct Cookie: Sendable, Equatable {
    /// The cookie's name.
    public var name: String
    /// The cookie's value.
    public var value: String
    /// Whether the cookie is hidden from JavaScript (`HttpOnly`).
    public var httpOnly: Bool
    /// Whether the cookie is only sent over HTTPS (`Secure`).
    public var secure: Bool
    /// The `SameSite` attribute as Chromium reports it ("Strict", "Lax" or "None"), if any.
    public var sameSite: String?

    /// Creates a cookie value.
    public init(name: String, value: String, httpOnly: Bool, secure: Bool, sameSite: String?) {
        self.name = name
        self.value = value
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
    }

    /// Reads a W3C cookie object; `nil` when it lacks a name or value.
    init?(json: JSONValue) {
        guard let name = json["name"]?.stringValue, let value = json["value"]?.stringValue else {
            return nil
        }
        self.init(
            name: name,
            value: value,
            httpOnly: json["httpOnly"]?.boolValue ?? false,
            secure: json["secure"]?.boolValue ?? false,
            sameSite: json["sameSite"]?.stringValue
        )
    }
}
