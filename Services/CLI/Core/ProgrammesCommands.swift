import ArgumentParser
import Foundation
import NQ57API
import NQ57Wire

/// `nq57 programmes …`: the programmes (nghị quyết, chương trình) plans and KPI sets belong to.
struct ProgrammesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programmes", abstract: "Chương trình, nghị quyết: danh sách, khai báo mới.",
        subcommands: [List.self, Create.self])

    static func line(_ programme: ProgrammeInfo) -> String {
        [programme.code, programme.shortName, programme.kindLabel, programme.ownerUnitId, programme.name].joined(separator: "\t")
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mọi chương trình: nghị quyết Trung ương trước, rồi chương trình riêng của địa phương.")
        @Flag(name: .long, help: "In kết quả dạng JSON.") var json = false
        @OptionGroup var connection: ClientOptions
        func run() async throws {
            let result = try await connection.authenticatedCall(TasksProgrammeList.self, Empty())
            if json { return print(PrettyJSON.format(try RawJSON.encode(result))) }
            try await connection.printTables([ListSheets.programmes(result.programmes)], under: nil)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Khai báo chương trình: nghị quyết Trung ương (tại đơn vị gốc) hoặc chương trình riêng của một đơn vị.")
        @Option(name: .long, help: "Mã (chữ thường, số, '-'; ví dụ dn-cds).") var code: String
        @Option(name: .long, help: "Tên đầy đủ.") var name: String
        @Option(name: .long, help: "Tên ngắn (mặc định: mã).") var shortName: String?
        @Option(name: .long, help: "national hoặc local (mặc định local).") var kind: String = ProgrammeKind.local.rawValue
        @Option(name: .long, help: "Đơn vị khai báo (chương trình riêng: đơn vị đó; nghị quyết Trung ương: đơn vị gốc).") var unit: String
        @Flag(name: .long, help: "In kết quả dạng JSON.") var json = false
        @OptionGroup var connection: ClientOptions
        func run() async throws {
            guard let parsed = ProgrammeKind(rawValue: kind) else { throw CLIFailure("Loại chương trình phải là national hoặc local.") }
            let info = try await connection.authenticatedCall(TasksProgrammeCreate.self, .init(
                code: code, name: name, shortName: shortName, kind: parsed, ownerUnitId: unit))
            print(json ? PrettyJSON.format(try RawJSON.encode(info)) : ProgrammesCommand.line(info))
        }
    }
}

/// `--programme`: the filter of the listing and dashboard commands.
struct ProgrammeFilter: ParsableArguments {
    @Option(name: .long, help: "Chỉ chương trình này (mã, ví dụ nq57; mặc định: mọi chương trình).") var programme: String?
}
