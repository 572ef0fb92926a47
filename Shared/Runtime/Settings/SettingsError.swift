/// A setting that cannot be used; the process says why and exits.
public struct SettingsError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }

    /// A refusal of `spec`'s value, naming where it can be set.
    public init(_ spec: SettingSpec, _ problem: String) {
        let flag = spec.flag.map { ", \($0)" } ?? ""
        self.description = "setting \(spec.environment) (config key \"\(spec.key)\"\(flag)) \(problem)"
    }
}
