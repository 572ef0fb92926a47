/// Errors thrown by `Browser` and `Element`.
public enum WebDriverError: Error, CustomStringConvertible {
    /// The chromedriver or Chromium executable is missing; carries the path looked for.
    case driverNotFound(String)
    /// chromedriver could not be started, never became ready, or refused to create a session; carries details.
    case driverDidNotStart(String)
    /// No element matched the CSS selector within the timeout; carries the selector.
    case noSuchElement(String)
    /// A wait ran out of time; carries the description of what was awaited.
    case timeout(String)
    /// chromedriver answered with a W3C error (or something unreadable).
    /// `status` is the HTTP status, `error` the W3C error code (e.g. "stale element reference").
    case protocolError(status: Int, error: String, message: String)

    /// A one-line, human-readable explanation.
    public var description: String {
        switch self {
        case .driverNotFound(let path): return "WebDriver: executable not found at \(path)"
        case .driverDidNotStart(let details): return "WebDriver: chromedriver did not start: \(details)"
        case .noSuchElement(let selector): return "WebDriver: no element matches CSS selector \(selector)"
        case .timeout(let what): return "WebDriver: timed out waiting for \(what)"
        case .protocolError(let status, let error, let message):
            return "WebDriver: HTTP \(status) \(error): \(message)"
        }
    }
}
