import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire
import UnitRules

/// The unit tree: ids, official codes, paths for reach, and names that change on a date
/// without losing what was recorded under the old name. A unit's id and path never change; its
/// names, and its existence (ended by a merge or split), have dates.
enum UnitDirectory {
    private static var idPattern: Regex<(Substring, Substring?)> { /^[a-z0-9]+(-[a-z0-9]+)*$/ }
    private static var dayPattern: Regex<Substring> { /^\d{4}-\d{2}-\d{2}$/ }

    /// The unit `id` with its name as on `asOf` and today's beside it.
    static func unit(_ db: Database, id: String, asOf: String, today: String) throws -> UnitInfo? {
        guard let unit = try UnitRecord.fetchOne(db, key: id) else { return nil }
        let names = try UnitNameRecord.filter(UnitNameRecord.Columns.unitId == unit.id).order(UnitNameRecord.Columns.validFrom)
            .fetchAll(db).map { UnitName(name: $0.name, validFrom: $0.validFrom) }
        return build(unit: unit, names: names, links: try links(db), asOf: asOf, today: today)
    }

    /// The path of unit `id`, or nil if there is no such unit.
    static func path(_ db: Database, id: String) throws -> String? {
        try UnitRecord.path(db, id: id)
    }

    /// Every unit at and below `under` (default: all), ended or not, by path.
    static func list(_ db: Database, under: String?, asOf: String, today: String) throws -> [UnitInfo] {
        let prefix: String
        if let under {
            guard let path = try path(db, id: under) else { throw unknownUnit(under) }
            prefix = path
        } else {
            prefix = "/"
        }
        let units = try UnitRecord.under(prefix).fetchAll(db)
        let byUnit = try namesByUnit(db)
        let links = try links(db)
        return units.map { unit in build(unit: unit, names: byUnit[unit.id] ?? [], links: links, asOf: asOf, today: today) }
    }

    /// The units at and below `under` that existed on `asOf`, named as on that day.
    static func tree(_ db: Database, under: String?, asOf: String, today: String) throws -> [UnitInfo] {
        try list(db, under: under, asOf: asOf, today: today).filter { unit in
            (unit.validFrom ?? "") <= asOf && (unit.endedOn.map { asOf < $0 } ?? true)
        }
    }

    /// The whole tree through time: each unit's life and the links merges and splits left.
    static func timeline(_ db: Database) throws -> UnitTimeline {
        let firstDays = try namesByUnit(db).compactMapValues { $0.first?.validFrom }
        let spans = try UnitRecord.fetchAll(db).map { unit in
            UnitSpan(id: unit.id, kind: unit.kind.rawValue, parentId: unit.parentId, from: firstDays[unit.id] ?? "0000-01-01",
                     until: unit.endedOn)
        }
        return UnitTimeline(spans: spans, links: try links(db))
    }

    /// Creates a unit under an existing parent. A name that only places a tone mark elsewhere
    /// than the one before it (Hòa/Hoà) is the same name: it is not added.
    static func create(_ db: Database, _ params: AuthUnitsCreate.Params, caller: Caller, now: Date) throws -> UnitInfo {
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
        var names: [UnitName] = []
        for name in try validated(params.names).sorted(by: { $0.validFrom < $1.validFrom }) {
            if let last = names.last {
                if last.validFrom == name.validFrom {
                    throw RPCError(.invalidArgument, "Hai tên cùng bắt đầu ngày \(UnitChangeRules.display(name.validFrom)).",
                                   details: ["field": "names"])
                }
                if UnitNames.same(last.name, name.name) { continue }
            }
            names.append(name)
        }
        if let end = parent.endedOn, let first = names.first, first.validFrom >= end {
            throw RPCError(.failedPrecondition, "Đơn vị cấp trên \(parent.id) đã thôi tồn tại từ \(UnitChangeRules.display(end)).",
                           details: ["field": "parentId"])
        }
        try UnitRecord(id: params.id, code: params.code, kind: params.kind, parentId: params.parentId,
                       path: parent.path + params.id + "/", createdAt: now).insert(db)
        for (index, name) in names.enumerated() {
            try UnitNameRecord(unitId: params.id, validFrom: name.validFrom, name: name.name).insert(db)
            if index > 0 {
                try record(db, kind: .rename, effectiveOn: name.validFrom, from: [params.id], to: [params.id],
                           previousName: names[index - 1].name, newName: name.name, reason: "Tên ghi khi tạo đơn vị", caller: caller, now: now)
            }
        }
        let today = NQ57Clock.isoDay(now)
        return try unit(db, id: params.id, asOf: today, today: today)!
    }

    /// Adds a dated name (replacing a name given for the same day), recorded as a rename.
    static func rename(_ db: Database, _ params: AuthUnitsRename.Params, caller: Caller, now: Date) throws -> UnitInfo {
        guard try path(db, id: params.unitId) != nil else { throw unknownUnit(params.unitId) }
        let checked = try validated([params.name])[0]
        let names = try UnitNameRecord.filter(UnitNameRecord.Columns.unitId == params.unitId).order(UnitNameRecord.Columns.validFrom).fetchAll(db)
        let reason = try params.reason.map { text in try rules { () throws(UnitChangeError) in try UnitChangeRules.reason(text) } }
        let timeline = try timeline(db)
        try rules { () throws(UnitChangeError) in
            try UnitChangeRules.rename(params.unitId, to: checked.name, on: checked.validFrom,
                                       names: names.map { (name: $0.name, validFrom: $0.validFrom) }, timeline: timeline)
        }
        let previous = UnitNames.inForce(names.filter { $0.validFrom < checked.validFrom }, on: checked.validFrom) { $0.validFrom }?.name
        try UnitNameRecord(unitId: params.unitId, validFrom: checked.validFrom, name: checked.name).insert(db, onConflict: .replace)
        try record(db, kind: .rename, effectiveOn: checked.validFrom, from: [params.unitId], to: [params.unitId], previousName: previous,
                   newName: checked.name, reason: reason ?? "Không ghi lý do", caller: caller, now: now)
        let today = NQ57Clock.isoDay(now)
        return try unit(db, id: params.unitId, asOf: today, today: today)!
    }

    /// Ends `params.unitIds` on the effective day, merged into `params.into`.
    static func merge(_ db: Database, _ params: AuthUnitsMerge.Params, caller: Caller, now: Date) throws -> UnitChangeInfo {
        let day = try validatedDay(params.effectiveOn, field: "effectiveOn")
        let reason = try rules { () throws(UnitChangeError) in try UnitChangeRules.reason(params.reason) }
        let timeline = try timeline(db)
        try rules { () throws(UnitChangeError) in try UnitChangeRules.merge(params.unitIds, into: params.into, on: day, timeline: timeline) }
        for unitId in params.unitIds { try end(db, unitId: unitId, on: day) }
        return try record(db, kind: .merge, effectiveOn: day, from: params.unitIds, to: [params.into], reason: reason, caller: caller, now: now)
    }

    /// Ends `params.unitId` on the effective day, split into `params.into`.
    static func split(_ db: Database, _ params: AuthUnitsSplit.Params, caller: Caller, now: Date) throws -> UnitChangeInfo {
        let day = try validatedDay(params.effectiveOn, field: "effectiveOn")
        let reason = try rules { () throws(UnitChangeError) in try UnitChangeRules.reason(params.reason) }
        let timeline = try timeline(db)
        try rules { () throws(UnitChangeError) in try UnitChangeRules.split(params.unitId, into: params.into, on: day, timeline: timeline) }
        try end(db, unitId: params.unitId, on: day)
        return try record(db, kind: .split, effectiveOn: day, from: [params.unitId], to: params.into, reason: reason, caller: caller, now: now)
    }

    /// The changes `unitId` took part in, by effective day.
    static func history(_ db: Database, unitId: String) throws -> [UnitChangeInfo] {
        let ids = try UnitEventUnitRecord.filter(UnitEventUnitRecord.Columns.unitId == unitId)
            .select(UnitEventUnitRecord.Columns.eventId, as: Int64.self).fetchSet(db)
        let events = try UnitEventRecord.filter(ids.contains(UnitEventRecord.Columns.id)).fetchAll(db)
        let sides = try Dictionary(grouping: UnitEventUnitRecord.filter(ids.contains(UnitEventUnitRecord.Columns.eventId)).fetchAll(db),
                                   by: \.eventId)
        return events.map { info($0, sides: sides[$0.id ?? 0] ?? []) }
            .sorted { ($0.effectiveOn, $0.id) < ($1.effectiveOn, $1.id) }
    }

    static func unknownUnit(_ id: String) -> RPCError {
        RPCError(.notFound, "Không có đơn vị \"\(id)\".", details: ["unit": id])
    }

    /// A day from a request, which must be a real `yyyy-MM-dd`.
    static func validatedDay(_ text: String, field: String) throws -> String {
        guard text.wholeMatch(of: dayPattern) != nil, NQ57Clock.parseDay(text) != nil else {
            throw RPCError(.invalidArgument, "Ngày \"\(text)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": field])
        }
        return text
    }

    /// Runs a rule, turning its refusal into the API's error.
    private static func rules<T>(_ body: () throws(UnitChangeError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            let code: ErrorCode = switch error.kind {
            case .invalid: .invalidArgument
            case .unknownUnit: .notFound
            case .conflict: .failedPrecondition
            }
            throw RPCError(code, error.message, details: ["field": error.field])
        }
    }

    private static func end(_ db: Database, unitId: String, on day: String) throws {
        try UnitRecord.filter(key: unitId).updateAll(db, UnitRecord.Columns.endedOn.set(to: day))
    }

    @discardableResult
    private static func record(_ db: Database, kind: UnitChangeKind, effectiveOn: String, from: [String], to: [String],
                               previousName: String? = nil, newName: String? = nil, reason: String, caller: Caller, now: Date) throws
        -> UnitChangeInfo {
        let event = UnitEventRecord(id: nil, kind: kind.rawValue, effectiveOn: effectiveOn, reason: reason, previousName: previousName,
                                    newName: newName, accountId: caller.account, username: caller.username, recordedAt: now)
        try event.insert(db)
        let id = db.lastInsertedRowID
        var sides: [UnitEventUnitRecord] = []
        for unitId in from { sides.append(UnitEventUnitRecord(eventId: id, unitId: unitId, side: "from")) }
        for unitId in to { sides.append(UnitEventUnitRecord(eventId: id, unitId: unitId, side: "to")) }
        for side in sides { try side.insert(db, onConflict: .ignore) }
        var stored = event
        stored.id = id
        return info(stored, sides: sides)
    }

    private static func info(_ event: UnitEventRecord, sides: [UnitEventUnitRecord]) -> UnitChangeInfo {
        UnitChangeInfo(id: event.id ?? 0, kind: UnitChangeKind(rawValue: event.kind) ?? .rename, effectiveOn: event.effectiveOn,
                       fromUnitIds: sides.filter { $0.side == "from" }.map(\.unitId).sorted(),
                       toUnitIds: sides.filter { $0.side == "to" }.map(\.unitId).sorted(),
                       previousName: event.previousName, newName: event.newName, reason: event.reason, username: event.username,
                       recordedAt: event.recordedAt)
    }

    /// Every successor link: each merge and split event's units that ended to those that carry on.
    private static func links(_ db: Database) throws -> [UnitLink] {
        let events = try UnitEventRecord.filter([UnitChangeKind.merge.rawValue, UnitChangeKind.split.rawValue].contains(Column("kind")))
            .fetchAll(db)
        guard !events.isEmpty else { return [] }
        let sides = try Dictionary(grouping: UnitEventUnitRecord.filter(events.compactMap(\.id).contains(UnitEventUnitRecord.Columns.eventId))
            .fetchAll(db), by: \.eventId)
        return events.flatMap { event -> [UnitLink] in
            let units = sides[event.id ?? 0] ?? []
            let kind = UnitChangeKind(rawValue: event.kind) ?? .merge
            return units.filter { $0.side == "from" }.flatMap { from in
                units.filter { $0.side == "to" }.map { to in
                    UnitLink(predecessor: from.unitId, successor: to.unitId, kind: kind, effective: event.effectiveOn)
                }
            }
        }
    }

    private static func namesByUnit(_ db: Database) throws -> [String: [UnitName]] {
        var byUnit: [String: [UnitName]] = [:]
        for name in try UnitNameRecord.order(UnitNameRecord.Columns.validFrom).fetchAll(db) {
            byUnit[name.unitId, default: []].append(UnitName(name: name.name, validFrom: name.validFrom))
        }
        return byUnit
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
            let text = UnitNames.normalized(name.name)
            guard !text.isEmpty, text.count <= 200 else {
                throw RPCError(.invalidArgument, "Tên đơn vị phải có từ 1 đến 200 ký tự.", details: ["field": "names"])
            }
            return UnitName(name: text, validFrom: try validatedDay(name.validFrom, field: "validFrom"))
        }
    }

    private static func build(unit: UnitRecord, names: [UnitName], links: [UnitLink], asOf: String, today: String) -> UnitInfo {
        let current = UnitNames.inForce(names, on: asOf) { $0.validFrom }
        let now = UnitNames.inForce(names, on: today) { $0.validFrom }
        return UnitInfo(id: unit.id, code: unit.code, kind: unit.kind, parentId: unit.parentId, path: unit.path,
                        name: current?.name ?? unit.id, names: names, validFrom: names.first?.validFrom, endedOn: unit.endedOn,
                        currentName: now?.name ?? unit.id,
                        successorIds: links.filter { $0.predecessor == unit.id }.map(\.successor).sorted(),
                        predecessorIds: links.filter { $0.successor == unit.id }.map(\.predecessor).sorted())
    }
}
