import Configuration

/// Reads settings so that a value that is there but unusable is refused, never replaced by
/// the default: swift-configuration's non-throwing getters fall back to the default on a
/// conversion error, so every read here goes through the throwing `required…` getters and
/// only a missing key takes the default.
struct StrictSettingsReader {
    let reader: ConfigReader
    /// The same providers, asked directly whether a key is set at all.
    let providers: [any ConfigProvider]

    /// Whether any layer has `spec` (a value it cannot convert counts as there).
    private func isSet(_ spec: SettingSpec) -> Bool {
        let key = AbsoluteConfigKey(ConfigKey(spec.key))
        return providers.contains { provider in
            do {
                return try provider.value(forKey: key, type: .string).value != nil
            } catch {
                return true
            }
        }
    }

    func string(_ spec: SettingSpec) throws -> String? {
        try read(spec) { try reader.requiredString(forKey: ConfigKey(spec.key), isSecret: isSecret(spec)) }
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    func int(_ spec: SettingSpec) throws -> Int? {
        try read(spec) { try reader.requiredInt(forKey: ConfigKey(spec.key)) }
    }

    func double(_ spec: SettingSpec) throws -> Double? {
        try read(spec) { try reader.requiredDouble(forKey: ConfigKey(spec.key)) }
    }

    func bool(_ spec: SettingSpec) throws -> Bool? {
        try read(spec) { try reader.requiredBool(forKey: ConfigKey(spec.key)) }
    }

    func strings(_ spec: SettingSpec) throws -> [String]? {
        try read(spec) { try reader.requiredStringArray(forKey: ConfigKey(spec.key)) }
    }

    /// `value` where it is set, in `range`; nil where it is not set.
    func int(_ spec: SettingSpec, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = try int(spec) else { return nil }
        guard range.contains(value) else { throw SettingsError(spec, "must be between \(range.lowerBound) and \(range.upperBound), not \(value)") }
        return value
    }

    /// `value` where it is set and greater than zero; nil where it is not set.
    func positive(_ spec: SettingSpec) throws -> Double? {
        guard let value = try double(spec) else { return nil }
        guard value > 0, value.isFinite else { throw SettingsError(spec, "must be a number greater than 0, not \(value)") }
        return value
    }

    private func isSecret(_ spec: SettingSpec) -> Bool { SettingsSources.secretVariables.contains(spec.environment) }

    private func read<Value>(_ spec: SettingSpec, _ body: () throws -> Value) throws -> Value? {
        guard isSet(spec) else { return nil }
        do {
            return try body()
        } catch let error as SettingsError {
            throw error
        } catch {
            throw SettingsError(spec, "has a value of the wrong kind (\(error))")
        }
    }
}
