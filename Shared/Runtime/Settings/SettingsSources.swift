import Configuration
import Foundation

/// The layers settings come from, built on swift-configuration: flags, then the environment,
/// then the JSON config file (the first that has a key wins); defaults are in `NQ57Settings`.
enum SettingsSources {
    /// A reader over `flags` (config keys to values), `environment` (variables by name, each
    /// setting under its own name from `SettingsCatalog`) and the JSON file at `configPath`.
    static func reader(flags: [String: ConfigValue], environment: [String: String], configPath: String?) throws -> StrictSettingsReader {
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "flags", values: Dictionary(uniqueKeysWithValues: flags.map { (AbsoluteConfigKey(ConfigKey($0.key)), $0.value) })),
            KeyMappingProvider(upstream: EnvironmentVariablesProvider(environmentVariables: environment.filter { !$0.value.isEmpty },
                                                                      secretsSpecifier: .specific(secretVariables))) { key in
                // Each setting keeps its historical variable name (NQ57_HOME for `data`, …).
                AbsoluteConfigKey([SettingsCatalog.environmentNames[key.components.joined(separator: ".")] ?? "NQ57_UNKNOWN"])
            },
        ]
        if let configPath {
            providers.append(try JSONFileProvider(path: configPath))
        }
        return StrictSettingsReader(reader: ConfigReader(providers: providers), providers: providers)
    }

    /// Variables whose values never appear in logs or errors.
    static let secretVariables: Set<String> = ["NQ57_ADMIN_PASSWORD", "NQ57_OIDC_CLIENT_SECRET", "NQ57_S3_SECRET_ACCESS_KEY"]
}

/// The JSON config file, read once and synchronously (swift-configuration's `FileProvider` reads
/// it asynchronously; settings are resolved before anything async has started, and by the CLI
/// in synchronous code), through the library's own `JSONSnapshot` parser.
struct JSONFileProvider: ConfigProvider {
    private let contents: JSONSnapshot

    /// Reads and parses the file at `path`, or says why it cannot.
    init(path: String) throws {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw SettingsError("cannot read config file \(path): \(error.localizedDescription)")
        }
        do {
            contents = try JSONSnapshot(data: bytes.span.bytes, providerName: "config file \(path)", parsingOptions: .default)
        } catch {
            throw SettingsError("config file \(path) is not valid JSON settings: \(error)")
        }
    }

    var providerName: String { contents.providerName }

    func value(forKey key: AbsoluteConfigKey, type: ConfigType) throws -> LookupResult {
        try contents.value(forKey: key, type: type)
    }

    func fetchValue(forKey key: AbsoluteConfigKey, type: ConfigType) async throws -> LookupResult {
        try value(forKey: key, type: type)
    }

    nonisolated(nonsending) func watchValue<Return: ~Copyable>(
        forKey key: AbsoluteConfigKey, type: ConfigType,
        updatesHandler: nonisolated(nonsending) (_ updates: ConfigUpdatesAsyncSequence<Result<LookupResult, any Error>, Never>) async throws -> Return
    ) async throws -> Return {
        try await watchValueFromValue(forKey: key, type: type, updatesHandler: updatesHandler)
    }

    func snapshot() -> any ConfigSnapshot { contents }

    nonisolated(nonsending) func watchSnapshot<Return: ~Copyable>(
        updatesHandler: nonisolated(nonsending) (_ updates: ConfigUpdatesAsyncSequence<any ConfigSnapshot, Never>) async throws -> Return
    ) async throws -> Return {
        try await watchSnapshotFromSnapshot(updatesHandler: updatesHandler)
    }
}
