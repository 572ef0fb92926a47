import Foundation
import Logging
import NIOCore
import NQ57Wire

/// A service's settings after layering defaults, the config file, the environment and
/// the flags (later wins). Every field is documented with its default in `ServiceOptions`.
public struct ServiceSettings: Sendable, Equatable {
    /// The data root (`--data`, `NQ57_HOME`, default `./.nq57`).
    public var dataRoot: String
    /// This service's own folder: `dataRoot/<service>`.
    public var serviceDirectory: String
    /// The socket this process listens on.
    public var socketPath: String
    /// Where the backends' sockets are (`dataRoot/run/internal`).
    public var internalDirectory: String
    /// Log level.
    public var logLevel: Logger.Level
    /// Largest frame, in bytes.
    public var maxFrameBytes: Int
    /// Idle connection timeout, in seconds.
    public var idleTimeoutSeconds: Double
    /// Longest forwarded call at the gateway, in seconds.
    public var callTimeoutSeconds: Double

    /// The wire limits these settings imply.
    public var limits: WireLimits {
        WireLimits(maxFrameBytes: maxFrameBytes, idleTimeout: .nanoseconds(Int64(idleTimeoutSeconds * 1e9)))
    }

    /// Resolves the settings of `service` ("gateway", "auth", …).
    public static func resolve(service: String, options: ServiceOptions,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServiceSettings {
        let configPath = options.config ?? environment["NQ57_CONFIG"]
        let file = try configPath.map(ConfigFile.load) ?? ConfigFile()

        let dataRoot = options.data ?? environment["NQ57_HOME"] ?? file.data ?? "./.nq57"
        let absoluteRoot = URL(fileURLWithPath: dataRoot).standardizedFileURL.path
        let internalDirectory = options.internalDir ?? environment["NQ57_INTERNAL_DIR"] ?? file.internalDir
            ?? "\(absoluteRoot)/run/internal"
        let defaultSocket = service == "gateway" ? "\(absoluteRoot)/run/gateway.sock" : "\(internalDirectory)/\(service).sock"
        let socket = options.socket ?? environment["NQ57_SOCKET"] ?? file.socket ?? defaultSocket

        let levelText = options.logLevel ?? environment["NQ57_LOG_LEVEL"] ?? file.logLevel ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw SettingsError("log level \"\(levelText)\" is not one of trace, debug, info, notice, warning, error, critical")
        }
        let maxFrame = try options.maxFrameBytes ?? environment["NQ57_MAX_FRAME_BYTES"].map { try parse($0, "NQ57_MAX_FRAME_BYTES") }
            ?? file.maxFrameBytes ?? 16 * 1024 * 1024
        guard (1024...(1 << 30)).contains(maxFrame) else {
            throw SettingsError("max frame bytes must be between 1024 and 1073741824, not \(maxFrame)")
        }
        let idle = try options.idleTimeout ?? environment["NQ57_IDLE_TIMEOUT"].map { try parse($0, "NQ57_IDLE_TIMEOUT") }
            ?? file.idleTimeout ?? 300
        let callTimeout = try options.callTimeout ?? environment["NQ57_CALL_TIMEOUT"].map { try parse($0, "NQ57_CALL_TIMEOUT") }
            ?? file.callTimeout ?? 30
        guard idle > 0, callTimeout > 0 else { throw SettingsError("timeouts must be positive") }

        return ServiceSettings(
            dataRoot: absoluteRoot, serviceDirectory: "\(absoluteRoot)/\(service)",
            socketPath: URL(fileURLWithPath: socket).standardizedFileURL.path,
            internalDirectory: URL(fileURLWithPath: internalDirectory).standardizedFileURL.path,
            logLevel: level, maxFrameBytes: maxFrame, idleTimeoutSeconds: idle, callTimeoutSeconds: callTimeout)
    }

    private static func parse<T: LosslessStringConvertible>(_ text: String, _ name: String) throws -> T {
        guard let value = T(text.trimmingCharacters(in: .whitespaces)) else {
            throw SettingsError("\(name)=\"\(text)\" is not a number")
        }
        return value
    }
}

/// The optional JSON config file: the same settings as the flags, camelCase keys.
struct ConfigFile: Codable {
    var data: String?
    var socket: String?
    var logLevel: String?
    var maxFrameBytes: Int?
    var idleTimeout: Double?
    var internalDir: String?
    var callTimeout: Double?

    static func load(_ path: String) throws -> ConfigFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SettingsError("cannot read config file \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(ConfigFile.self, from: data)
        } catch {
            throw SettingsError("config file \(path) is not valid: \(error)")
        }
    }
}

/// A setting that cannot be used; the process says why and exits.
public struct SettingsError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
