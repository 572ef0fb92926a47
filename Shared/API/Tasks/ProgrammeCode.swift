import Foundation
import NQ57Wire

/// A programme's code as callers write it and as it is stored: trimmed, lower-case, 2–32 of
/// a–z, 0–9 and '-', starting with a letter or digit (nq57, nq71, dn-cds).
public enum ProgrammeCode {
    /// The stored form of `text`, nil when absent or blank; `invalid_argument` naming `field` when it is not a code.
    public static func normalized(_ text: String?, field: String = "programme") throws(RPCError) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        let code = text.lowercased()
        let allowed = code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard allowed, (2...32).contains(code.count), code.first != "-" else {
            throw RPCError(.invalidArgument,
                           "Mã chương trình \"\(text)\" không hợp lệ (2–32 ký tự: chữ thường không dấu, chữ số hoặc dấu '-', ví dụ nq57).",
                           details: ["field": field])
        }
        return code
    }
}
