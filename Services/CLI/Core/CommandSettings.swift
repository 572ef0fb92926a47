import Foundation
import NQ57Runtime

/// The settings of this `nq57` command: the flags it was given on top of the environment
/// (`NQ57Settings`, as every executable). A setting that cannot be used stops the command
/// with the reason.
enum CommandSettings {
    /// The settings, with each `(setting, flag value)` of `given` on top.
    static func resolve(_ given: [(SettingSpec, String?)] = []) -> NQ57Settings {
        do {
            return try NQ57Settings.resolve(service: "cli", given: given)
        } catch {
            FileHandle.standardError.write(Data("nq57: thiết lập không dùng được: \(error)\n".utf8))
            exit(2)
        }
    }
}
