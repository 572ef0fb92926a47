import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire

/// The unit tree: ids, official codes, paths for reach, and names that change on a date
/// without losing what was recorded under the old name.
enum UnitDirectory {
    private static var idPattern: Regex<(Substring, Substring?)> { /^[a-z0-9]+(-[a-z0-9]+)*$/ }
    private static var dayPattern: Regex<Substring> { /^\d{4}-\d{2}-\d{2}$/ }

    /// The unit `id` with its name as on `asOf`.
    static func unit(_ db: Database, id: String, asOf: String) throws -> UnitInfo? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM units WHERE id = ?", arguments: [id]) else { return nil }
        return try info(db, row: row, asOf: asOf)
    }

    /// The path of unit `id`, or nil if there is no such unit.
    static func path(_ db: Database, id: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT path FROM units WHERE id = ?", arguments: [id])
    }

    /// Every unit at and below `under` (default: all), by path.
    static func list(_ db: Database, under: String?, asOf: String) throws -> [UnitInfo] {
        let prefix: String
        if let under {
            guard let path = try path(db, id: under) else { throw unknownUnit(under) }
            prefix = path
        } else {
            prefix = "/"
        }
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM units WHERE substr(path, 1, length(?)) = ? ORDER BY path",
                                    arguments: [prefix, prefix])
        let names = try Row.fetchAll(db, sql: "SELECT unit_id, valid_from, name FROM unit_names ORDER BY valid_from")
        var byUnit: [String: [UnitName]] = [:]
        for name in names {
            byUnit[name["unit_id"], default: []].append(UnitName(name: name["name"], validFrom: name["valid_from"]))
        }
        return rows.map { row in build(row: row, names: byUnit[row["id"]] ?? [], asOf: asOf) }
    }

    /// Creates a unit under an existing parent.
    static func create(_ db: Database, _ params: AuthUnitsCreate.Params, now: Date) throws -> UnitInfo {
        guard params.id.wholeMatch(of: idPattern) != nil, params.id.count <= 64 else {
            throw RPCError(.invalidArgument, "Mã đơn vị \"\(params.id)\" không hợp lệ: chỉ dùng chữ thường, chữ số và dấu gạch ngang.",
                           details: ["field": "id"])
        }
        guard let parentRow = try Row.fetchOne(db, sql: "SELECT path, kind FROM units WHERE id = ?", arguments: [params.parentId]) else {
            throw unknownUnit(params.parentId)
        }
        guard try String.fetchOne(db, sql: "SELECT id FROM units WHERE id = ?", arguments: [params.id]) == nil else {
            throw RPCError(.alreadyExists, "Đơn vị \"\(params.id)\" đã có.", details: ["unit": params.id])
        }
        let parentKind = UnitKind(rawValue: parentRow["kind"]) ?? .central
        guard allowed(child: params.kind, under: parentKind) else {
            throw RPCError(.invalidArgument, "Không thể đặt đơn vị cấp \(params.kind.rawValue) dưới đơn vị cấp \(parentKind.rawValue).",
                           details: ["field": "kind"])
        }
        if let code = params.code, code.wholeMatch(of: /^\d{2,5}$/) == nil {
            throw RPCError(.invalidArgument, "Mã thống kê \"\(code)\" phải gồm 2 đến 5 chữ số.", details: ["field": "code"])
        }
        let names = try validated(params.names)
        let path: String = parentRow["path"] + params.id + "/"
        try db.execute(sql: "INSERT INTO units (id, code, kind, parent_id, path, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [params.id, params.code, params.kind.rawValue, params.parentId, path, now.timeIntervalSince1970])
        for name in names {
            try db.execute(sql: "INSERT INTO unit_names (unit_id, valid_from, name) VALUES (?, ?, ?)",
                           arguments: [params.id, name.validFrom, name.name])
        }
        return try unit(db, id: params.id, asOf: NQ57Clock.isoDay(now))!
    }

    /// Adds a dated name (replacing a name given for the same day).
    static func rename(_ db: Database, unitId: String, name: UnitName, now: Date) throws -> UnitInfo {
        guard try path(db, id: unitId) != nil else { throw unknownUnit(unitId) }
        let checked = try validated([name])[0]
        try db.execute(sql: "INSERT OR REPLACE INTO unit_names (unit_id, valid_from, name) VALUES (?, ?, ?)",
                       arguments: [unitId, checked.validFrom, checked.name])
        return try unit(db, id: unitId, asOf: NQ57Clock.isoDay(now))!
    }

    static func unknownUnit(_ id: String) -> RPCError {
        RPCError(.notFound, "Không có đơn vị \"\(id)\".", details: ["unit": id])
    }

    private static func allowed(child: UnitKind, under parent: UnitKind) -> Bool {
        switch (parent, child) {
        case (.central, .province), (.province, .commune), (.province, .department), (.commune, .department): true
        default: false
        }
    }

    private static func validated(_ names: [UnitName]) throws -> [UnitName] {
        guard !names.isEmpty else {
            throw RPCError(.invalidArgument, "Đơn vị cần ít nhất một tên.", details: ["field": "names"])
        }
        return try names.map { name in
            let text = name.name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
            guard !text.isEmpty, text.count <= 200 else {
                throw RPCError(.invalidArgument, "Tên đơn vị phải có từ 1 đến 200 ký tự.", details: ["field": "names"])
            }
            guard name.validFrom.wholeMatch(of: dayPattern) != nil, NQ57Clock.parseDay(name.validFrom) != nil else {
                throw RPCError(.invalidArgument, "Ngày \"\(name.validFrom)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": "validFrom"])
            }
            return UnitName(name: text, validFrom: name.validFrom)
        }
    }

    private static func info(_ db: Database, row: Row, asOf: String) throws -> UnitInfo {
        let names = try Row.fetchAll(db, sql: "SELECT valid_from, name FROM unit_names WHERE unit_id = ? ORDER BY valid_from",
                                     arguments: [row["id"] as String])
            .map { UnitName(name: $0["name"], validFrom: $0["valid_from"]) }
        return build(row: row, names: names, asOf: asOf)
    }

    private static func build(row: Row, names: [UnitName], asOf: String) -> UnitInfo {
        let current = names.last { $0.validFrom <= asOf } ?? names.first
        return UnitInfo(id: row["id"], code: row["code"], kind: UnitKind(rawValue: row["kind"]) ?? .department,
                        parentId: row["parent_id"], path: row["path"], name: current?.name ?? row["id"], names: names)
    }
}

