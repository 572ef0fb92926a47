import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Waiting for a process another process started (a service under `nq57 up`) to be dead: gone, or a zombie its
/// parent has not reaped yet, whose sockets and files the kernel has already closed.
public enum ProcessDeath {
    /// Whether `pid` has ended: no such process, or a zombie (state `Z` in `/proc/PID/stat`).
    public static func hasEnded(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return true }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// Polls until `pid` has ended or `timeout` seconds pass; true if it has ended.
    @discardableResult
    public static func wait(for pid: Int32, timeout: Double = 10) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while !hasEnded(pid) {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }
}
