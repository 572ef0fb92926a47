import Foundation

/// Samples the resident memory of a few processes while a benchmark runs: the peak of their
/// anonymous memory (heap and buffers, what the work costs) beside the shared code and
/// libraries mapped from files, which `VmHWM` counts too.
final class MemorySampler: @unchecked Sendable {
    private let lock = NSLock()
    private var peakAnonKiB: [Int32: Int] = [:]
    private var fileKiB: [Int32: Int] = [:]
    private var task: Task<Void, Never>?

    /// Starts sampling `pids` every `interval`.
    init(pids: [Int32], interval: Duration = .milliseconds(20)) {
        task = Task.detached { [weak self] in
            while !Task.isCancelled {
                for pid in pids { self?.sample(pid) }
                try? await Task.sleep(for: interval)
            }
        }
    }

    deinit { task?.cancel() }

    /// The memory lines of `/proc/PID/status` in KiB by name (`VmHWM`, `RssAnon`, `RssFile` …); empty when the process is gone.
    static func status(of pid: Int32) -> [String: Int] {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return [:] }
        var fields: [String: Int] = [:]
        for line in text.split(separator: "\n") where line.hasSuffix(" kB") {
            let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            if parts.count >= 2, let value = Int(parts[1]) { fields[String(parts[0])] = value }
        }
        return fields
    }

    /// Peak resident memory of a process (VmHWM), for a person: "89.7 MiB", or "?".
    static func peakResident(_ pid: Int32) -> String {
        status(of: pid)["VmHWM"].map { String(format: "%.1f MiB", Double($0) / 1024) } ?? "?"
    }

    private func sample(_ pid: Int32) {
        let status = Self.status(of: pid)
        guard !status.isEmpty else { return }
        let anon = status["RssAnon"] ?? 0
        let file = status["RssFile"] ?? 0
        lock.withLock {
            peakAnonKiB[pid] = max(peakAnonKiB[pid] ?? 0, anon)
            fileKiB[pid] = max(fileKiB[pid] ?? 0, file)
        }
    }

    /// "34.2 MiB heap (+ 43.1 MiB code and libraries)" for `pid`, the peak so far.
    func describe(_ pid: Int32) -> String {
        let (anon, file) = lock.withLock { (peakAnonKiB[pid] ?? 0, fileKiB[pid] ?? 0) }
        return String(format: "%.1f MiB heap (+ %.1f MiB code and libraries)", Double(anon) / 1024, Double(file) / 1024)
    }

    /// Stops sampling.
    func stop() { task?.cancel() }
}
