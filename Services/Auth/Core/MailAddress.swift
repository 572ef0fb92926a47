import Foundation
import NQ57Wire

/// A mail address as nq57 accepts it: one `local@domain` of printable ASCII, no spaces, angle
/// brackets or line breaks (so it can go into a header and an SMTP command as it is), at most 254
/// characters, with a dot in the domain.
enum MailAddress {
    /// The address trimmed and lower-cased in its domain; nil for an empty string (no address);
    /// `invalid_argument` naming `field` for anything else that is not one.
    static func validated(_ text: String, field: String = "email") throws -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        let allowed = trimmed.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>()[]\\,;:\"".unicodeScalars.contains($0) }
        guard trimmed.count <= 254, allowed, parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..") else {
            throw RPCError(.invalidArgument,
                           "Địa chỉ thư điện tử \"\(String(text.prefix(80)))\" không hợp lệ (cần dạng ten@don-vi.gov.vn, không dấu, không khoảng trắng).",
                           details: ["field": field])
        }
        return "\(parts[0])@\(parts[1].lowercased())"
    }
}
