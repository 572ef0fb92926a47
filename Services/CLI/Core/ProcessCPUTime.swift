import Foundation

/// CPU time a process has used (user plus system, all its threads), read from `/proc/PID/stat`.
/// Benchmarks take it before and after a phase: on a machine whose cores are shared by the
/// client, nq57 and the storage engine, CPU-seconds per GiB moves far less between runs than
/// the throughput does, and says who takes the cores.
enum ProcessCPUTime {
    /// Seconds of CPU used so far by `pid`, or nil when the process is gone.
    static func seconds(of pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = text.lastIndex(of: ")") else { return nil }
        // After "(comm)": state is field 3, so utime (14) and stime (15) are the 12th and 13th here.
        let fields = text[text.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(ticksPerSecond)
    }

    /// Seconds of CPU used so far by each of `pids` (a process that is gone counts 0).
    static func snapshot(_ pids: [String: Int32]) -> [String: Double] {
        pids.mapValues { seconds(of: $0) ?? 0 }
    }

    /// CPU-seconds each of `pids` used since `before` (a snapshot of them).
    static func used(by pids: [String: Int32], since before: [String: Double]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: snapshot(pids).map { ($0.key, $0.value - (before[$0.key] ?? 0)) })
    }

    /// "evidence 2.41 · gateway 1.10 · …": the CPU-seconds in `used` per GiB of `bytes` moved.
    static func describe(_ used: [String: Double], bytes: Double) -> String {
        let gib = bytes / 1_073_741_824
        return used.keys.sorted().map { String(format: "%@ %.2f", $0, used[$0]! / gib) }.joined(separator: " · ")
    }

    private static let ticksPerSecond = Int(sysconf(Int32(_SC_CLK_TCK)))
}
