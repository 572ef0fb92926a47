import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOPosix
import NQ57API
import NQ57Runtime
import NQ57Crypto
import NQ57Wire

/// `nq57 bench`: benchmarks that print numbers (never tests).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Đo hiệu năng (in số liệu).",
        subcommands: [RPCBenchCommand.self, FlagsBenchCommand.self, EvidenceBenchCommand.self, OverviewBenchCommand.self])
}

/// `nq57 bench rpc`: round trips of `sys.health` through the gateway and straight to a
/// service, with 1 and 32 concurrent clients, and bulk throughput through the gateway.
struct RPCBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rpc",
        abstract: "Số lượt gọi mỗi giây và độ trễ p50/p99 của sys.health qua cổng và trực tiếp tới dịch vụ.",
        discussion: "Tự khởi động một hệ thống tạm trong thư mục tạm (hoặc dùng --data của hệ thống đang chạy).")

    @Option(name: .long, help: "Số giây đo cho mỗi trường hợp.")
    var seconds: Double = 3

    @Option(name: .long, parsing: .upToNextOption, help: "Số máy khách đồng thời (mặc định 1 32).")
    var clients: [Int] = [1, 32]

    @Option(name: .long, help: "Đo trên hệ thống đang chạy với thư mục dữ liệu này, thay vì khởi động hệ thống tạm.")
    var data: String?

    @Option(name: .long, help: "Thư mục chứa các chương trình nq57-* (mặc định: cùng thư mục với nq57).")
    var binDir: String?

    @Flag(name: .long, help: "Đo thêm chi phí ghi nhật ký kiểm tra bền vững ở cổng: một lượt bị từ chối có ghi và một lượt không ghi.")
    var audit = false

    func run() async throws {
        LoggingSystem.bootstrapLogfmt(service: "bench", level: .warning)
        let root: String
        var supervisor: Supervisor?
        let password = "bench-" + UUID().uuidString
        if let data {
            root = URL(fileURLWithPath: data).standardizedFileURL.path
        } else {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("nq57-bench-\(UUID().uuidString.prefix(8))").path
            let started = Supervisor(configuration: .init(binDirectory: binDir ?? Supervisor.ownDirectory(), dataRoot: root,
                                                          logLevel: "warning", environment: ["NQ57_ADMIN_PASSWORD": password]),
                                     logger: Logger(label: "nq57.bench"))
            try started.start()
            supervisor = started
        }
        let connection = GatewayAddress(data: root)
        let probe = connection.makeClient()
        if let supervisor { _ = try await supervisor.waitUntilHealthy(client: probe, timeout: 60) }
        // The temporary system's admin, or the saved login for a running one.
        let token = supervisor != nil
            ? try await probe.call(AuthLogin.self, AuthLogin.Params(username: "admin", password: password)).accessToken
            : try await SavedSession.token(path: SavedSession.path(nil), client: probe)
        await probe.close()

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let gatewaySocket = "\(root)/run/gateway.sock"
        let directSocket = "\(root)/run/internal/tasks.sock"
        let throughGateway = RequestEnvelope(id: MessageID(0), method: SysHealth.name,
                                             params: try RawJSON.encode(SysHealth.Params(service: .tasks)))
        let direct = RequestEnvelope(id: MessageID(0), method: SysHealth.name)
        var authenticated = throughGateway
        authenticated.token = token

        print(String(format: "nq57 bench rpc — sys.health, %.0f s mỗi trường hợp, %d lõi, %@", seconds,
                     ProcessInfo.processInfo.activeProcessorCount, ProcessInfo.processInfo.operatingSystemVersionString))
        print("đường đi                 máy khách   lượt/giây      p50 (µs)   p99 (µs)   lỗi")
        var rates: [String: Double] = [:]
        var medians: [String: Double] = [:]
        for count in clients {
            var paths = [("qua cổng → tasks", gatewaySocket, throughGateway), ("trực tiếp tasks.sock", directSocket, direct)]
            if token != nil { paths.insert(("qua cổng, có mã truy cập", gatewaySocket, authenticated), at: 1) }
            if audit { paths += try Self.auditPaths(gatewaySocket) }
            for (label, socket, request) in paths {
                let outcome = try await LoadGenerator(socketPath: socket, request: request, clients: count,
                                                      seconds: seconds, group: group).run()
                rates["\(label)/\(count)"] = outcome.callsPerSecond
                medians["\(label)/\(count)"] = outcome.percentile(0.5)
                print(label.padding(toLength: 25, withPad: " ", startingAt: 0)
                      + String(format: "%9d   %10.0f   %10.1f %10.1f   %d", count, outcome.callsPerSecond,
                               outcome.percentile(0.5), outcome.percentile(0.99), outcome.errors))
            }
        }
        if let one = clients.first(where: { $0 == 1 }),
           let viaRate = rates["qua cổng → tasks/\(one)"], let directRate = rates["trực tiếp tasks.sock/\(one)"],
           let viaP50 = medians["qua cổng → tasks/\(one)"], let directP50 = medians["trực tiếp tasks.sock/\(one)"] {
            print(String(format: "1 máy khách: cổng đạt %.0f%% tốc độ trực tiếp; thêm %.1f µs ở p50.",
                         viaRate / directRate * 100, viaP50 - directP50))
            if let authP50 = medians["qua cổng, có mã truy cập/\(one)"] {
                print(String(format: "1 máy khách: xác minh mã truy cập thêm %.0f%% vào p50 của vòng qua cổng.",
                             (authP50 - viaP50) / viaP50 * 100))
            }
        }
        if let token { try await bulkThroughput(socket: gatewaySocket, token: token, group: group) }
        try? await group.shutdownGracefully()
        if let supervisor {
            await supervisor.stop()
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    /// Two calls the gateway answers alone, alike but for the audit journal: a write without a
    /// unit (`invalid_argument`, not audited) and the same write, anonymous, naming a unit
    /// (`unauthenticated`, journalled and synced before it is answered, as every write is).
    /// The difference is what the durable journal costs a call.
    static func auditPaths(_ socket: String) throws -> [(String, String, RequestEnvelope)] {
        let unjournalled = RequestEnvelope(id: MessageID(0), method: TasksProgress.name, params: try RawJSON(#"{"taskId":"bench"}"#))
        let journalled = RequestEnvelope(id: MessageID(0), method: TasksProgress.name,
                                         params: try RawJSON(#"{"taskId":"bench","unitId":"vn","percent":1}"#))
        return [("từ chối, không ghi nk", socket, unjournalled), ("từ chối, ghi nk bền", socket, journalled)]
    }

    /// Echoes 1 MiB chunks through the gateway to the evidence service and back.
    private func bulkThroughput(socket: String, token: String, group: any EventLoopGroup) async throws {
        let client = RPCClient(configuration: .init(socketPath: socket, serviceName: "gateway"), group: group,
                               logger: Logger(label: "nq57.bench"))
        var chunk = ByteBuffer()
        chunk.writeBytes((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let expected = chunk.withUnsafeReadableBytes { SHA256Hasher.digest($0) }.hexString
        let start = ContinuousClock.now
        var moved = 0
        while ContinuousClock.now - start < .seconds(seconds) {
            let answer = try await client.callAnswer(SysLoopback.self, SysLoopback.Params(echo: true, service: .evidence),
                                                  token: token, bulk: chunk)
            guard answer.result.sha256 == expected, answer.bulk == chunk else {
                throw CLIFailure("Dữ liệu thô bị sai lệch khi đi qua cổng.")
            }
            moved += 2 * chunk.readableBytes
        }
        let elapsed = (ContinuousClock.now - start) / .seconds(1)
        print(String(format: "dữ liệu thô 1 MiB qua cổng → evidence và ngược lại: %.0f MiB/giây (đã kiểm SHA-256)",
                     Double(moved) / 1_048_576 / elapsed))
        await client.close()
    }
}
