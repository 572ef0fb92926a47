/// A column of a ``Sheet``: its title and how its numbers are shown.
public struct SheetColumn: Sendable, Equatable, Codable {
    /// How a column's values are meant to be read and shown.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// Text.
        case text
        /// Whole numbers, shown with thousands separators.
        case integer
        /// Numbers with decimals, kept exact, shown rounded.
        case decimal
        /// Percentages written as numbers from 0 to 100, shown with one decimal.
        case percent
        /// Days, shown dd/MM/yyyy.
        case date
        /// Unit ids (codes): text for programs; readers put each unit's name beside it (``Sheet/namingUnits(_:)``).
        case unit
    }

    /// The title in the header row (Vietnamese).
    public var title: String
    /// How the column's values are shown.
    public var kind: Kind
    /// For a CSV: a number column also written raw (dot decimal) in a column "title (số)" after it.
    public var rawTwin: Bool

    /// A column titled `title`.
    public init(_ title: String, _ kind: Kind = .text, rawTwin: Bool = false) {
        self.title = title
        self.kind = kind
        self.rawTwin = rawTwin
    }
}
