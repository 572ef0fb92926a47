import ArgumentParser
import EvidenceStorage
import Foundation
import NIOCore
import NQ57API
import NQ57Crypto
import NQ57Wire

/// `nq57 evidence …`: put, get, show and scrub evidence files; ask for, decide on and withdraw their publication.
struct EvidenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence", abstract: "Minh chứng: tải lên, tải về, xem, kiểm tra toàn vẹn.",
        subcommands: [Put.self, Get.self, Show.self, Scrub.self, Publish.self, DecidePublication.self, Unpublish.self,
                      Head.self, Prove.self, VerifyLog.self, Migrate.self])

    struct Put: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tải một tệp minh chứng lên, từng phần, kèm mã SHA-256 để đối chiếu.")
        @Argument(help: "Tệp cần tải lên.") var file: String
        @Option(name: .long, help: "Đơn vị sở hữu minh chứng.") var unit: String
        @Option(name: .customLong("for"), help: "Minh chứng cho: task:ID, kpi:ID/KỲ …") var supports: String?
        @Flag(name: .long, help: "Đề nghị công khai tệp sau khi lưu (người đứng đầu hoặc cơ quan thẩm định quyết định).") var publish = false
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            guard let handle = FileHandle(forReadingAtPath: file) else { throw CLIFailure("Không mở được tệp \(file).") }
            defer { try? handle.close() }
            let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0
            // The hash is computed first, streaming, so the service can refuse a transfer that changed the bytes.
            var hasher = SHA256Hasher()
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                chunk.withUnsafeBytes { hasher.update($0) }
            }
            let expected = hasher.finalize().hexString

            let client = connection.address.makeClient()
            defer { Task { await client.close() } }
            do {
                let token = try await connection.token(client: client)
                let start = try await client.call(EvidenceUploadStart.self, .init(
                    unitId: unit, fileName: (file as NSString).lastPathComponent, supports: supports, expectedSha256: expected,
                    requestPublication: publish ? true : nil, size: size), token: token)
                var bar = ProgressBar(label: "Tải lên", total: size)
                let sent = try await EvidenceTransfer.send(file, to: start, unitId: unit, client: client, token: token) { bar.update($0) }
                bar.finish(sent)
                let info = try await client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: unit), token: token)
                print("\(info.id)\t\(info.sha256)\t\(info.mediaType)\t\(info.fileName)")
            } catch let error as RPCError {
                throw CLIFailure(error)
            } catch let error as BlobError {
                throw CLIFailure("Không đọc được tệp \(file) (\(error)).")
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tải một tệp minh chứng về; mã SHA-256 được kiểm lại.")
        @Argument(help: "Mã minh chứng.") var id: String
        @Option(name: .long, help: "Đơn vị (của minh chứng hoặc cấp trên).") var unit: String
        @Option(name: [.short, .long], help: "Tệp ghi ra.") var output: String
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let client = connection.address.makeClient()
            defer { Task { await client.close() } }
            var hasher = SHA256Hasher()
            var offset: Int64 = 0
            var expected = ""
            do {
                let token = try await connection.token(client: client)
                guard let file = try await client.call(EvidenceInfoGet.self, .init(unitId: unit, ids: [id]), token: token).files.first else {
                    throw RPCError(.notFound, "Không có minh chứng \"\(id)\" của đơn vị này.")
                }
                expected = file.sha256
                var bar = ProgressBar(label: "Tải về", total: file.size)
                try await EvidenceTransfer.receive(id, unitId: unit, size: file.size, into: output + ".part", client: client, token: token) { bytes in
                    bytes.withUnsafeReadableBytes { hasher.update($0) }
                    offset += Int64(bytes.readableBytes)
                    bar.update(offset)
                }
                bar.finish(offset)
            } catch let error as RPCError {
                try? FileManager.default.removeItem(atPath: output + ".part")
                throw CLIFailure(error)
            } catch let error as BlobError {
                try? FileManager.default.removeItem(atPath: output + ".part")
                throw CLIFailure("Không ghi được tệp \(output) (\(error)).")
            }
            guard hasher.finalize().hexString == expected else {
                try? FileManager.default.removeItem(atPath: output + ".part")
                throw CLIFailure("Tệp nhận được không khớp SHA-256 \(expected); đã bỏ.")
            }
            try? FileManager.default.removeItem(atPath: output)
            try FileManager.default.moveItem(atPath: output + ".part", toPath: output)
            print("\(output)\t\(offset) byte\tSHA-256 \(expected) khớp")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thông tin một tệp minh chứng.")
        @Argument(help: "Mã minh chứng.") var id: String
        @Option(name: .long, help: "Đơn vị.") var unit: String
        @Flag(name: .long, help: "In dạng JSON.") var json = false
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let result = try await connection.authenticatedCall(EvidenceInfoGet.self, .init(unitId: unit, ids: [id]))
            guard let file = result.files.first else { return }
            print(json ? PrettyJSON.format(try RawJSON.encode(file))
                : [file.id, file.fileName, file.mediaType, "\(file.size) byte", file.sha256, file.unitId, file.status.rawValue].joined(separator: "\t"))
        }
    }

    struct Scrub: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Kiểm tra lại mã SHA-256 của các tệp đã lưu (tất cả hoặc một phần luân phiên).")
        @Option(name: .long, help: "Phần trăm kho kiểm tra mỗi lần (mặc định 100).") var share: Int?
        @Option(name: .long, help: "Đơn vị quản trị (mặc định vn).") var unit: String = "vn"
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let result = try await connection.authenticatedCall(EvidenceScrub.self, .init(unitId: unit, sharePercent: share))
            print("Đã kiểm \(result.checked)/\(result.total) tệp: \(result.corrupt.count) hỏng, \(result.missing.count) mất, "
                  + "\(result.restored.count) đã lành lại, \(result.unreadable.count) không đọc được.")
            for id in result.corrupt { print("HỎNG\t\(id)") }
            for id in result.missing { print("MẤT\t\(id)") }
            for id in result.restored { print("LÀNH LẠI\t\(id)") }
            for id in result.unreadable { print("KHÔNG ĐỌC ĐƯỢC\t\(id)") }
            if !result.corrupt.isEmpty || !result.missing.isEmpty { throw ExitCode(2) }
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Đề nghị công khai một tệp minh chứng (người đứng đầu hoặc cơ quan thẩm định quyết định, không phải người đề nghị).")
        @Argument(help: "Mã minh chứng.") var id: String
        @Option(name: .long, help: "Đơn vị (của minh chứng hoặc cấp trên).") var unit: String
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let file = try await connection.authenticatedCall(EvidenceRequestPublication.self, .init(id: id, unitId: unit))
            print(PublicationLine.text(file))
        }
    }

    struct DecidePublication: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decide-publication", abstract: "Chấp nhận công khai một tệp minh chứng, hoặc trả lại kèm lý do.")
        @Argument(help: "Mã minh chứng.") var id: String
        @Option(name: .long, help: "Đơn vị (của minh chứng hoặc cấp trên).") var unit: String
        @Option(name: .long, help: "accept hoặc sendBack.") var decision: String
        @Option(name: .long, help: "Lý do trả lại.") var reason: String?
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            guard let parsed = ReviewDecision(rawValue: decision) else { throw CLIFailure("--decision phải là accept hoặc sendBack.") }
            let file = try await connection.authenticatedCall(EvidenceDecidePublication.self,
                                                              .init(id: id, unitId: unit, decision: parsed, reason: reason))
            print(PublicationLine.text(file))
        }
    }

    struct Unpublish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thu hồi việc công khai một tệp minh chứng.")
        @Argument(help: "Mã minh chứng.") var id: String
        @Option(name: .long, help: "Đơn vị (của minh chứng hoặc cấp trên).") var unit: String
        @Option(name: .long, help: "Lý do thu hồi.") var reason: String?
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let file = try await connection.authenticatedCall(EvidenceWithdrawPublication.self, .init(id: id, unitId: unit, reason: reason))
            print(PublicationLine.text(file))
        }
    }
}

/// One line saying where a file's publication stands, for people.
enum PublicationLine {
    static func text(_ file: EvidenceInfo) -> String {
        let state = file.publication?.state.rawValue ?? "none"
        return [file.id, file.fileName, "công khai: \(state)", file.isPublic ? "ai cũng đọc được" : "chưa công khai"].joined(separator: "\t")
    }
}
