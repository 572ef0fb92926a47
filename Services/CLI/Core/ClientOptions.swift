import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOPosix
import NQ57Runtime
import NQ57Wire

/// Where the CLI finds the gateway: `--socket`, else `DATA/run/gateway.sock` with DATA from
/// `--data`, `NQ57_HOME` or `./.nq57`.
public struct ClientOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: "Thư mục dữ liệu của hệ thống đang chạy (biến môi trường NQ57_HOME; mặc định ./.nq57).")
    public var data: String?

    @Option(name: .long, help: "Socket của cổng (gateway) (mặc định DATA/run/gateway.sock).")
    public var socket: String?

    @Option(name: .long, help: "Số giây chờ trả lời (mặc định 30).")
    public var timeout: Double = 30

    @Option(name: .long, help: "Tệp phiên đăng nhập (biến môi trường NQ57_SESSION; mặc định ~/.config/nq57/session.json).")
    public var session: String?

    public init() {}

    /// The gateway these flags point at.
    public var address: GatewayAddress { GatewayAddress(data: data, socket: socket, timeout: timeout) }

    /// The session file.
    var sessionPath: String { SavedSession.path(session) }

    /// The access token of the saved login (refreshed if due), or nil when not logged in.
    func token(client: RPCClient) async throws -> String? {
        try await SavedSession.token(path: sessionPath, client: client)
    }
}

/// Where the gateway is, resolved from a data folder or a socket path.
public struct GatewayAddress: Sendable {
    /// The data folder, resolved.
    public var dataRoot: String
    /// The gateway's socket, resolved.
    public var socketPath: String
    /// Seconds to wait for an answer.
    public var timeout: Double

    /// Resolves `data` (else `NQ57_HOME`, else `./.nq57`) and `socket` (else `DATA/run/gateway.sock`).
    public init(data: String?, socket: String? = nil, timeout: Double = 30) {
        self.dataRoot = CommandSettings.resolve([(SettingsCatalog.data, data)]).dataRoot
        self.socketPath = socket ?? "\(dataRoot)/run/gateway.sock"
        self.timeout = timeout
    }

    /// A client of the gateway.
    public func makeClient() -> RPCClient {
        RPCClient(configuration: .init(socketPath: socketPath, serviceName: "gateway",
                                       defaultTimeout: .nanoseconds(Int64(timeout * 1e9))),
                  group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "nq57.cli"))
    }
}
