extension Sheet {
    /// The sheet with a column of unit names before each column of unit ids (kind ``SheetColumn/Kind/unit``),
    /// titled as the ids' column without its "Mã " ("Mã đơn vị" → "Đơn vị"); the ids stay, as text, for programs.
    /// A unit `name(of:)` does not know keeps its id as its name. With `keepingIds` false (tables on a
    /// screen), the names take the ids' place.
    public func namingUnits(keepingIds: Bool = true, _ name: (String) -> String?) -> Sheet {
        guard columns.contains(where: { $0.kind == .unit }) else { return self }
        var named = Sheet(name: self.name, columns: [])
        for column in columns {
            if column.kind == .unit {
                named.columns.append(SheetColumn(Self.nameTitle(forCodes: column.title)))
                if keepingIds { named.columns.append(SheetColumn(column.title)) }
            } else {
                named.columns.append(column)
            }
        }
        named.rows = rows.map { row in
            var out: [SheetCell] = []
            for (index, column) in columns.enumerated() {
                let cell = index < row.count ? row[index] : .empty
                if column.kind == .unit {
                    if case .text(let id) = cell { out.append(.text(name(id) ?? id)) } else { out.append(.empty) }
                    if keepingIds { out.append(cell) }
                } else {
                    out.append(cell)
                }
            }
            return out
        }
        return named
    }

    /// "Mã đơn vị chịu trách nhiệm" → "Đơn vị chịu trách nhiệm"; a title without "Mã " gets " (tên)".
    static func nameTitle(forCodes title: String) -> String {
        guard title.hasPrefix("Mã "), let first = title.dropFirst(3).first else { return "\(title) (tên)" }
        return first.uppercased() + title.dropFirst(4)
    }
}
