import NQ57Calendar

/// One cell of a table meant for people and spreadsheets: text, an exact number, a day, or nothing.
///
/// On the wire a cell is a JSON scalar: `null` (empty), a string (text), a number, or
/// `{"date":"yyyy-MM-dd"}` for a day, so a table keeps its types from the service to the file.
public enum SheetCell: Sendable, Equatable, Codable {
    /// Nothing in the cell.
    case empty
    /// Text as people read it (unit names, states, notes).
    case text(String)
    /// An exact number; how it is shown is the column's business.
    case number(Double)
    /// A calendar day in Asia/Ho_Chi_Minh.
    case date(Day)

    /// Text, or empty when `value` is nil.
    public static func text(_ value: String?) -> SheetCell { value.map { SheetCell.text($0) } ?? .empty }
    /// A number, or empty when `value` is nil.
    public static func number(_ value: Double?) -> SheetCell { value.map { SheetCell.number($0) } ?? .empty }
    /// A whole number, or empty when `value` is nil.
    public static func integer(_ value: Int?) -> SheetCell { value.map { SheetCell.number(Double($0)) } ?? .empty }
    /// A day from its ISO form (`yyyy-MM-dd`), or empty when `iso` is nil; text that is not a day stays text.
    public static func day(_ iso: String?) -> SheetCell {
        guard let iso else { return .empty }
        return Day(iso: iso).map { SheetCell.date($0) } ?? SheetCell.text(iso)
    }

    private struct DateBox: Codable { var date: Day }

    /// Reads a cell from its JSON scalar form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .empty
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .date(try container.decode(DateBox.self).date)
        }
    }

    /// Writes the cell as its JSON scalar form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .empty: try container.encodeNil()
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .date(let day): try container.encode(DateBox(date: day))
        }
    }
}
