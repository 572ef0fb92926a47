import Foundation

/// A time wording that could not be read as a deadline. It names the text, says why,
/// and shows the forms that are understood; nothing is ever guessed in its place.
public struct DeadlineParseError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Why the text was refused.
    public enum Reason: Equatable, Sendable {
        /// The text is empty or only spaces.
        case empty
        /// The text is not in any of the understood forms.
        case unrecognised
        /// A month outside 1...12, e.g. "tháng 13".
        case invalidMonth(String)
        /// A quarter other than I–IV or 1–4, e.g. "quý V".
        case invalidQuarter(String)
        /// A year that is not four digits within 2000...2099.
        case invalidYear(String)
        /// A date that does not exist or is badly written, e.g. "31/02/2026".
        case invalidDate(String)
    }

    /// The text as it was given.
    public let text: String
    /// Why it was refused.
    public let reason: Reason

    /// Creates the error for `text`.
    public init(text: String, reason: Reason) {
        self.text = text
        self.reason = reason
    }

    /// The forms that are understood, as shown in every message.
    public static let examples =
        "cần dạng như \"Hoàn thành trong tháng 11 năm 2025\", \"Quý III năm 2025\", "
        + "\"trước ngày 01/01/2026\" hoặc \"Thực hiện thường xuyên\""

    /// The Vietnamese message for people, naming the text.
    public var message: String {
        let quoted = "\"\(text.trimmingCharacters(in: .whitespacesAndNewlines))\""
        switch reason {
        case .empty:
            return "Thời hạn đang để trống: \(Self.examples)."
        case .unrecognised:
            return "Không hiểu thời hạn \(quoted): \(Self.examples)."
        case .invalidMonth(let month):
            return "Thời hạn \(quoted) không hợp lệ: không có tháng \(month) (tháng phải từ 1 đến 12)."
        case .invalidQuarter(let quarter):
            return "Thời hạn \(quoted) không hợp lệ: không có quý \(quarter) (quý phải là I, II, III, IV hoặc 1 đến 4)."
        case .invalidYear(let year):
            return "Thời hạn \(quoted) không hợp lệ: năm \(year) không hợp lệ (năm phải có 4 chữ số, từ 2000 đến 2099)."
        case .invalidDate(let date):
            return "Thời hạn \(quoted) không hợp lệ: ngày \(date) không có trong lịch (viết ngày/tháng/năm, ví dụ 01/01/2026)."
        }
    }

    /// The message, as `description`.
    public var description: String { message }

    /// The message, for Foundation's error reporting.
    public var errorDescription: String? { message }
}
