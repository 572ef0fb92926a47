import Foundation
import NQ57API
import NQ57Calendar
import NQ57Wire
import UnitRules

/// The demo's year of unit changes: the real renames of 30/04/2026 (Nghị quyết 30/2026/QH16:
/// thành phố Đồng Nai; Nghị quyết 237/NQ-UBTVQH16: ten xã became phường), recorded in the first
/// phase on or after that day, and one merge of two communes on 01/07/2026 that never happened,
/// said so in its reason. Each step checks what exists first.
enum DemoUnitChanges {
    /// The day of the real renames.
    static let renameDay = Day(year: 2026, month: 4, day: 30)!
    /// The made-up merge: the first commune ends, merged into the second, on this day.
    static let mergeDay = Day(year: 2026, month: 7, day: 1)!
    static let merged = "vn-75-25217"
    static let mergedInto = "vn-75-25210"
    static let mergeReason = "Sáp nhập giả định (giả định, dùng cho demo): không có quyết định thật nào như vậy"
    static let renameReason = "Nghị quyết 30/2026/QH16 (thành phố Đồng Nai); Nghị quyết 237/NQ-UBTVQH16 (10 xã thành phường)"

    /// Applies what is due by `day`, as the admin whose token is `token`.
    static func apply(on day: Day, seeds: String, client: RPCClient, token: String) async throws {
        if day >= renameDay { try await renames(seeds: seeds, client: client, token: token) }
        if day >= mergeDay { try await merge(client: client, token: token) }
    }

    /// Each seed name from 30/04/2026 the unit lacks, given as a rename with its reason
    /// (Hòa/Hoà is one name: no rename).
    private static func renames(seeds: String, client: RPCClient, token: String) async throws {
        struct File: Decodable { var units: [SeedCommand.SeedUnit] }
        guard let data = FileManager.default.contents(atPath: "\(seeds)/units.json") else { throw CLIFailure("Không đọc được \(seeds)/units.json.") }
        let units = try JSONDecoder().decode(File.self, from: data).units
        let known = Dictionary(try await client.call(AuthUnitsList.self, .init(), token: token).units.map { ($0.id, $0) },
                               uniquingKeysWith: { first, _ in first })
        for unit in units {
            guard let current = known[unit.id] else { continue }
            for name in unit.names where name.validFrom == renameDay.iso && !current.names.contains(name) {
                let before = UnitNames.inForce(current.names, on: name.validFrom) { $0.validFrom }
                if let before, UnitNames.same(before.name, name.name) { continue }
                _ = try await client.call(AuthUnitsRename.self, .init(unitId: unit.id, name: name, reason: renameReason), token: token)
            }
        }
    }

    private static func merge(client: RPCClient, token: String) async throws {
        let unit = try await client.call(AuthUnitsGet.self, .init(unitId: merged), token: token).unit
        guard unit.endedOn == nil else { return }
        _ = try await client.call(AuthUnitsMerge.self, .init(unitIds: [merged], into: mergedInto, effectiveOn: mergeDay.iso, reason: mergeReason),
                                  token: token)
    }
}
