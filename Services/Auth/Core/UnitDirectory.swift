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
        guard let unit = try UnitRecord.fetchOne(db, key: id) else { return nil }
        return try info(db, unit: unit, asOf: asOf)
    }

    /// The path of unit `id`, or nil if there is no such unit.
    static func path(_ db: Database, id: String) throws -> String? {
        try UnitRecord.path(db, id: id)
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
        let units = try UnitRecord.under(prefix).fetchAll(db)
        var byUnit: [String: [UnitName]] = [:]
        for name in try UnitNameRecord.order(UnitNameRecord.Columns.validFrom).fetchAll(db) {
            byUnit[name.unitId, default: []].append(UnitName(name: name.name, validFrom: name.validFrom))
        }
        return units.map { unit in build(unit: unit, names: byUnit[unit.id] ?? [], asOf: asOf) }
    }

    /// Creates a unit under an existing parent.
    static func create(_ db: Database, _ params: AuthUnitsCreate.Params, now: Date) throws -> UnitInfo {
        guard params.id.wholeMatch(of: idPattern) != nil, params.id.count <= 64 else {
            throw RPCError(.invalidArgument, "Mã đơn vị \"\(params.id)\" không hợp lệ: chỉ dùng chữ thường, chữ số và dấu gạch ngang.",
                           details: ["field": "id"])
        }
        guard let parent = try UnitRecord.fetchOne(db, key: params.parentId) else {
            throw unknownUnit(params.parentId)
        }
        guard try !UnitRecord.exists(db, key: params.id) else {
            throw RPCError(.alreadyExists, "Đơn vị \"\(params.id)\" đã có.", details: ["unit": params.id])
        }
        let parentKind = parent.kind
        guard allowed(child: params.kind, under: parentKind) else {
            throw RPCError(.invalidArgument, "Không thể đặt đơn vị cấp \(params.kind.rawValue) dưới đơn vị cấp \(parentKind.rawValue).",
                           details: ["field": "kind"])
        }
        if let code = params.code, code.wholeMatch(of: /^\d{2,5}$/) == nil {
            throw RPCError(.invalidArgument, "Mã thống kê \"\(code)\" phải gồm 2 đến 5 chữ số.", details: ["field": "code"])
        }
        let names = try validated(params.names)
        try UnitRecord(id: params.id, code: params.code, kind: params.kind, parentId: params.parentId,
                       path: parent.path + params.id + "/", createdAt: now).insert(db)
        for name in names {
            try UnitNameRecord(unitId: params.id, validFrom: name.validFrom, name: name.name).insert(db)
        }
        return try unit(db, id: params.id, asOf: NQ57Clock.isoDay(now))!
    }

    /// Adds a dated name (replacing a name given for the same day).
    static func rename(_ db: Database, unitId: String, name: UnitName, now: Date) throws -> UnitInfo {
        guard try path(db, id: unitId) != nil else { throw unknownUnit(unitId) }
        let checked = try validated([name])[0]
        try UnitNameRecord(unitId: unitId, validFrom: checked.validFrom, name: checked.name).insert(db, onConflict: .replace)
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

    private static func info(_ db: Database, unit: UnitRecord, asOf: String) throws -> UnitInfo {
        let names = try UnitNameRecord.filter(UnitNameRecord.Columns.unitId == unit.id).order(UnitNameRecord.Columns.validFrom)
            .fetchAll(db).map { UnitName(name: $0.name, validFrom: $0.validFrom) }
        return build(unit: unit, names: names, asOf: asOf)
    }

    private static func build(unit: UnitRecord, names: [UnitName], asOf: String) -> UnitInfo {
        let current = names.last { $0.validFrom <= asOf } ?? names.first
        return UnitInfo(id: unit.id, code: unit.code, kind: unit.kind, parentId: unit.parentId, path: unit.path,
                        name: current?.name ?? unit.id, names: names)
    }
}
