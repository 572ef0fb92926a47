/// What follows SMTP's DATA command (RFC 5321 § 4.5.2): every line ending in CRLF, a line that
/// starts with "." doubled so the server does not take it for the end, then the lone "." line.
public enum SMTPDataEncoding {
    /// `message` with CRLF line ends and dot-stuffing, terminated by `CRLF.CRLF`.
    public static func encode(_ message: String) -> String {
        let normalized = message.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let stuffed = lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }
        return stuffed.map { $0 + "\r\n" }.joined() + ".\r\n"
    }
}
