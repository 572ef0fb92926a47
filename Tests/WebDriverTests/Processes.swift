import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Process ids whose full command line matches `pattern` (via `pgrep -f`).
func pgrep(_ pattern: String) throws -> [Int32] {
    try pgrepArguments(["-f", "--", pattern])
}

/// Runs `pgrep` with `arguments` and returns the listed process ids.
func pgrepArguments(_ arguments: [String]) throws -> [Int32] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
        .split(whereSeparator: \.isNewline)
        .compactMap { Int32($0) }
}

/// Direct children of `pid` (via `pgrep -P`; children may belong to any of its threads).
func children(of pid: Int32) throws -> [Int32] {
    try pgrepArguments(["-P", String(pid)])
}

/// Whether a process with this id exists and is not a zombie.
func isAlive(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    // Field 3 (after "pid (comm)") is the state; Z is a zombie.
    guard let close = stat.lastIndex(of: ")") else { return false }
    return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
}

/// Polls until none of `pids` is alive, up to `timeout` seconds; returns the survivors.
func waitForExit(_ pids: [Int32], timeout: Double = 5) async -> [Int32] {
    let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
    var alive = pids.filter(isAlive)
    while !alive.isEmpty, ContinuousClock.now < deadline {
        try? await Task.sleep(for: .milliseconds(100))
        alive = alive.filter(isAlive)
    }
    return alive
}
