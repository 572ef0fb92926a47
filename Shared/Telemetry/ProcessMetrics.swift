import Foundation

/// The standard Prometheus process figures of this process, read from `/proc/self` when the metrics are read:
/// resident and virtual memory, open and allowed file descriptors, CPU seconds and start time.
///
/// On a system without `/proc` (macOS) the figures that need it are left out.
public enum ProcessMetrics {
    /// The figures now; each family once, under its standard name (`process_resident_memory_bytes`, …).
    public static func sample() -> [SampledMetric] {
        var figures: [SampledMetric] = []
        if let stat = ProcStat.read() {
            let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
            let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
            figures.append(SampledMetric(name: "process_cpu_seconds_total", help: "Total user and system CPU time spent in seconds.",
                                         kind: .counter, value: (stat.userTicks + stat.systemTicks) / ticks))
            figures.append(SampledMetric(name: "process_resident_memory_bytes", help: "Resident memory size in bytes.",
                                         value: stat.residentPages * pageSize))
            figures.append(SampledMetric(name: "process_virtual_memory_bytes", help: "Virtual memory size in bytes.",
                                         value: stat.virtualBytes))
            if let bootTime = ProcStat.bootTime() {
                figures.append(SampledMetric(name: "process_start_time_seconds",
                                             help: "Start time of the process since unix epoch in seconds.",
                                             value: bootTime + stat.startTicks / ticks))
            }
        }
        if let open = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            figures.append(SampledMetric(name: "process_open_fds", help: "Number of open file descriptors.", value: Double(open.count)))
        }
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 {
            figures.append(SampledMetric(name: "process_max_fds", help: "Maximum number of open file descriptors.",
                                         value: limit.rlim_cur == rlim_t.max ? .infinity : Double(limit.rlim_cur)))
        }
        return figures
    }
}

/// The fields of `/proc/self/stat` the process figures need (proc(5)).
struct ProcStat: Equatable {
    /// Field 14, `utime`, in clock ticks.
    var userTicks: Double
    /// Field 15, `stime`, in clock ticks.
    var systemTicks: Double
    /// Field 22, `starttime`: clock ticks after boot.
    var startTicks: Double
    /// Field 23, `vsize`, in bytes.
    var virtualBytes: Double
    /// Field 24, `rss`, in pages.
    var residentPages: Double

    /// This process's figures, or nil without `/proc`.
    static func read() -> ProcStat? {
        (try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8)).flatMap(parse)
    }

    /// Reads a `/proc/PID/stat` line. The command name (field 2) may hold spaces and parentheses, so the fields are
    /// counted from the last `)`.
    static func parse(_ line: String) -> ProcStat? {
        guard let close = line.lastIndex(of: ")") else { return nil }
        // Field 3 (state) is the first after the command name.
        let fields = line[line.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        func field(_ number: Int) -> Double? {
            let index = number - 3
            return fields.indices.contains(index) ? Double(fields[index]) : nil
        }
        guard let user = field(14), let system = field(15), let start = field(22), let virtual = field(23), let rss = field(24) else {
            return nil
        }
        return ProcStat(userTicks: user, systemTicks: system, startTicks: start, virtualBytes: virtual, residentPages: rss)
    }

    /// The system's boot time in seconds since the epoch (`btime` in `/proc/stat`).
    static func bootTime() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst("btime ".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
