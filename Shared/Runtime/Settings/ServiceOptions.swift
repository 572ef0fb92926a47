import ArgumentParser
import Configuration

/// The command-line flags every service executable takes. Each overrides the same setting
/// from the environment, which overrides the config file, which overrides the default.
public struct ServiceOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: "Data folder (env NQ57_HOME; default ./.nq57). The service keeps its files in DATA/<service>/.")
    public var data: String?

    @Option(name: .long, help: "Socket to listen on (env NQ57_SOCKET; default DATA/run/internal/<service>.sock, gateway DATA/run/gateway.sock).")
    public var socket: String?

    @Option(name: .long, help: "JSON config file with the same settings (env NQ57_CONFIG).")
    public var config: String?

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical (env NQ57_LOG_LEVEL; default info).")
    public var logLevel: String?

    @Option(name: .long, help: "Largest frame accepted, in bytes (env NQ57_MAX_FRAME_BYTES; default 16777216).")
    public var maxFrameBytes: Int?

    @Option(name: .long, help: "Close a connection silent for this many seconds (env NQ57_IDLE_TIMEOUT; default 300).")
    public var idleTimeout: Double?

    @Option(name: .long, help: "Gateway: folder of the backends' sockets (env NQ57_INTERNAL_DIR; default DATA/run/internal).")
    public var internalDir: String?

    @Option(name: .long, help: "Gateway: longest a forwarded call may take, in seconds (env NQ57_CALL_TIMEOUT; default 30).")
    public var callTimeout: Double?

    public init() {}

    /// The flags given, by config key: the top layer of `NQ57Settings`.
    public var values: [String: ConfigValue] {
        let catalog = SettingsCatalog.self
        var values: [String: ConfigValue] = [:]
        func set(_ spec: SettingSpec, _ content: ConfigContent?) {
            if let content { values[spec.key] = ConfigValue(content, isSecret: false) }
        }
        set(catalog.data, data.map(ConfigContent.string))
        set(catalog.socket, socket.map(ConfigContent.string))
        set(catalog.config, config.map(ConfigContent.string))
        set(catalog.logLevel, logLevel.map(ConfigContent.string))
        set(catalog.maxFrameBytes, maxFrameBytes.map(ConfigContent.int))
        set(catalog.idleTimeout, idleTimeout.map(ConfigContent.double))
        set(catalog.internalDir, internalDir.map(ConfigContent.string))
        set(catalog.callTimeout, callTimeout.map(ConfigContent.double))
        return values
    }
}
