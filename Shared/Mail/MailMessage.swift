import Foundation

/// One email as nq57 sends it: plain UTF-8 text to one person, with the headers a relay and a
/// mail reader expect (Date, Message-ID, MIME), the subject RFC 2047 encoded and the body base64.
public struct MailMessage: Sendable, Equatable {
    /// The sender's address (`NQ57_MAIL_FROM`).
    public var from: String
    /// The recipient's address.
    public var to: String
    /// The subject, in any language.
    public var subject: String
    /// The body, plain text.
    public var body: String
    /// When it was written.
    public var date: Date
    /// A unique id (without angle brackets), e.g. `digest-…@nq57`.
    public var messageId: String

    /// Creates a message.
    public init(from: String, to: String, subject: String, body: String, date: Date, messageId: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageId = messageId
    }

    /// The message as it travels (RFC 5322 with MIME), lines ending in CRLF, before dot-stuffing.
    public var rendered: String {
        let headers = [
            "From: \(from)",
            "To: \(to)",
            "Subject: \(EncodedWord.encode(subject))",
            "Date: \(MailDate.format(date))",
            "Message-ID: <\(messageId)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
        ]
        let encoded = Data(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
            .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + encoded + "\r\n"
    }
}

/// RFC 2047 encoded words for header text that is not plain ASCII.
public enum EncodedWord {
    /// `text` as is when it is printable ASCII, else as `=?utf-8?B?…?=` words of at most 75
    /// characters each (folded onto continuation lines), never splitting a character's bytes.
    public static func encode(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return text }
        // 75 characters per word: "=?utf-8?B?" (10) + "?=" (2) leaves 63 for base64, so 45 bytes.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?utf-8?B?\(Data(bytes).base64EncodedString())?="
    }
}

/// The Date header's form (RFC 5322 § 3.3), in Vietnam's offset: `Mon, 07 Dec 2026 07:00:00 +0700`.
public enum MailDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `date` as a Date header value at UTC+07:00.
    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.weekday, .year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { let digits = String(value ?? 0); return digits.count < 2 ? "0" + digits : digits }
        return "\(days[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0700"
    }
}
