import Foundation
import NQ57Runtime

/// Where the built executables are: beside the test runner (SwiftPM puts every product of
/// the package in one build folder), or `NQ57_BIN_DIR`.
public enum Executables {
    /// The build folder holding `nq57`, `nq57-gateway`, ….
    public static var directory: String {
        if let override = ProcessEnvironment.current["NQ57_BIN_DIR"] { return override }
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
        // On Linux the runner is `.build/debug/nq57PackageTests.xctest`; on macOS it sits deeper in a bundle.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("nq57").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.path
    }

    /// The full path of `name` (an absolute path is kept as it is).
    public static func path(_ name: String) -> String { name.hasPrefix("/") ? name : "\(directory)/\(name)" }
}
