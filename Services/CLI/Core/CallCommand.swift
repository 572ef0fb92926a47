import ArgumentParser
import Foundation
import NIOCore
import NQ57API
import NQ57Wire

/// `nq57 call METHOD [JSON]`: any method, its result printed as JSON.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Gọi một phương thức bất kỳ qua cổng (gateway) và in kết quả JSON.",
        discussion: "Ví dụ: nq57 call sys.health '{\"service\":\"tasks\"}'. Lỗi được in ra stderr dạng MÃ: thông điệp, mã thoát 1.")

    @Argument(help: "Tên phương thức, ví dụ sys.health, tasks.get.")
    var method: String

    @Argument(help: "Tham số dạng đối tượng JSON (mặc định {}).")
    var params: String = "{}"

    @Option(name: .long, help: "Gửi nội dung tệp này làm dữ liệu thô (bulk) kèm yêu cầu.")
    var attach: String?

    @Option(name: .long, help: "Lưu dữ liệu thô (bulk) của phản hồi vào tệp này.")
    var save: String?

    @OptionGroup var connection: ClientOptions

    func run() async throws {
        let rawParams: RawJSON
        do {
            rawParams = try RawJSON(params)
        } catch {
            throw CLIFailure("Tham số không phải JSON hợp lệ: \(error.message)")
        }
        let bulk = try attach.map { path in ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: path))) }
        let client = connection.address.makeClient()
        defer { Task { await client.close() } }
        let token = try await connection.token(client: client)
        let request = RequestEnvelope(id: MessageID(0), method: method, params: rawParams, token: token, bulk: bulk)
        let reply: ReplyEnvelope
        do {
            reply = try await client.send(request)
        } catch let error as RPCError {
            throw CLIFailure(error)
        }
        switch reply.outcome {
        case .success(let result):
            print(PrettyJSON.format(result))
            if let save, let bulk = reply.bulk {
                try Data(bulk.readableBytesView).write(to: URL(fileURLWithPath: save))
                FileHandle.standardError.write(Data("Đã lưu \(bulk.readableBytes) byte vào \(save)\n".utf8))
            }
        case .failure(let error):
            throw CLIFailure(error)
        }
    }
}

/// Formats raw JSON for a person: indented, keys sorted, Vietnamese left as it is.
enum PrettyJSON {
    static func format(_ raw: RawJSON) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(raw.buffer.readableBytesView), options: [.fragmentsAllowed]),
              let data = try? JSONSerialization.data(withJSONObject: object,
                                                     options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return raw.description }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A failure the CLI reports as one line on stderr and exit code 1.
struct CLIFailure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
    init(_ error: RPCError) {
        var line = "\(error.code.rawValue): \(error.message)"
        if let details = error.details, !details.isEmpty {
            line += " " + details.keys.sorted().map { "\($0)=\(details[$0]!)" }.joined(separator: " ")
        }
        description = line
    }
}
