import ArgumentParser
import Foundation
import NQ57API
import NQ57Calendar
import NQ57Runtime
import UnitRules

/// `nq57 units rename|merge|split|history|tree`: the unit tree over time.
struct UnitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units", abstract: "Đơn vị theo thời gian: đổi tên, sáp nhập, chia tách, lịch sử.",
        subcommands: [Rename.self, Merge.self, Split.self, History.self, Tree.self])

    /// A day typed as dd/MM/yyyy or yyyy-MM-dd, as the API takes it (yyyy-MM-dd).
    static func isoDay(_ text: String) throws -> String {
        let parts = text.split(separator: "/")
        if parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
           let parsed = Day(year: year, month: month, day: day) {
            return parsed.iso
        }
        guard let parsed = Day(iso: text) else { throw CLIFailure("Ngày \"\(text)\" không hợp lệ (cần dd/MM/yyyy).") }
        return parsed.iso
    }

    /// One recorded change on one line: day, kind, units, names, reason, who.
    static func line(_ change: UnitChangeInfo) -> String {
        let units = change.kind == .rename
            ? "\(change.previousName ?? "?") → \(change.newName ?? "?")"
            : "\(change.fromUnitIds.joined(separator: ", ")) → \(change.toUnitIds.joined(separator: ", "))"
        return [UnitChangeRules.display(change.effectiveOn), change.kindLabel, units, change.reason, change.username ?? "-"]
            .joined(separator: "\t")
    }

    struct Rename: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Đổi tên đơn vị từ một ngày (tên cũ giữ cho thời gian trước).")
        @Argument(help: "Mã đơn vị.") var unit: String
        @Option(name: .long, help: "Tên mới.") var name: String
        @Option(name: .long, help: "Ngày hiệu lực (dd/MM/yyyy).") var from: String
        @Option(name: .long, help: "Lý do (quyết định, nghị quyết).") var reason: String?
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let unit = try await connection.authenticatedCall(AuthUnitsRename.self, AuthUnitsRename.Params(
                unitId: unit, name: UnitName(name: name, validFrom: try UnitsCommand.isoDay(from)), reason: reason))
            print("Đã đổi tên \(unit.id) thành \"\(name)\" từ \(UnitChangeRules.display(try UnitsCommand.isoDay(from))).")
        }
    }

    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sáp nhập các đơn vị vào một đơn vị từ một ngày.")
        @Argument(help: "Các đơn vị được sáp nhập (thôi tồn tại từ ngày hiệu lực).") var units: [String]
        @Option(name: .long, help: "Đơn vị nhận sáp nhập.") var into: String
        @Option(name: .long, help: "Ngày hiệu lực (dd/MM/yyyy).") var from: String
        @Option(name: .long, help: "Lý do (quyết định, nghị quyết).") var reason: String
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let change = try await connection.authenticatedCall(AuthUnitsMerge.self, AuthUnitsMerge.Params(
                unitIds: units, into: into, effectiveOn: try UnitsCommand.isoDay(from), reason: reason))
            print(UnitsCommand.line(change))
        }
    }

    struct Split: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Chia tách một đơn vị thành nhiều đơn vị từ một ngày.")
        @Argument(help: "Đơn vị bị chia tách (thôi tồn tại từ ngày hiệu lực).") var unit: String
        @Option(name: .long, parsing: .upToNextOption, help: "Các đơn vị kế thừa (ít nhất hai).") var into: [String]
        @Option(name: .long, help: "Ngày hiệu lực (dd/MM/yyyy).") var from: String
        @Option(name: .long, help: "Lý do (quyết định, nghị quyết).") var reason: String
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let change = try await connection.authenticatedCall(AuthUnitsSplit.self, AuthUnitsSplit.Params(
                unitId: unit, into: into, effectiveOn: try UnitsCommand.isoDay(from), reason: reason))
            print(UnitsCommand.line(change))
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lịch sử đổi tên, sáp nhập, chia tách của một đơn vị.")
        @Argument(help: "Mã đơn vị.") var unit: String
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let result = try await connection.authenticatedCall(AuthUnitsGet.self, AuthUnitsGet.Params(unitId: unit))
            let info = result.unit
            var heading = "\(info.id)\t\(info.name)"
            if let first = info.validFrom { heading += "\ttừ \(UnitChangeRules.display(first))" }
            if let end = info.endedOn {
                heading += "\tthôi tồn tại từ \(UnitChangeRules.display(end))"
                if let successors = info.successorIds, !successors.isEmpty { heading += " (kế thừa: \(successors.joined(separator: ", ")))" }
            }
            print(heading)
            if result.history.isEmpty { print("Chưa có thay đổi nào.") }
            for change in result.history { print(UnitsCommand.line(change)) }
        }
    }

    struct Tree: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Các đơn vị tồn tại vào một ngày, tên của ngày đó và tên hôm nay.")
        @Option(name: .long, help: "Đơn vị gốc (mặc định cả cây).") var under: String?
        @Option(name: .long, help: "Ngày (dd/MM/yyyy, mặc định hôm nay).") var asOf: String?
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let result = try await connection.authenticatedCall(AuthUnitsTree.self, AuthUnitsTree.Params(
                under: under, asOf: try asOf.map(UnitsCommand.isoDay)))
            for unit in result.units {
                let today = unit.currentName.flatMap { $0 == unit.name ? nil : "(nay: \($0))" }
                print([unit.id, unit.name, today].compactMap { $0 }.joined(separator: "\t"))
            }
        }
    }
}
