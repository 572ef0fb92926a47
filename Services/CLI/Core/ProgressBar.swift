import Foundation

/// A one-line progress bar on standard error, redrawn in place when stderr is a terminal and
/// written once at the end otherwise (so logs and pipes stay clean).
struct ProgressBar {
    let label: String
    let total: Int64
    private let interactive = isatty(2) == 1
    private var lastDrawn = Date.distantPast

    init(label: String, total: Int64) {
        self.label = label
        self.total = total
    }

    mutating func update(_ done: Int64) {
        guard interactive, Date().timeIntervalSince(lastDrawn) > 0.1 || done == total else { return }
        lastDrawn = Date()
        FileHandle.standardError.write(Data(("\r" + line(done)).utf8))
    }

    func finish(_ done: Int64) {
        FileHandle.standardError.write(Data(((interactive ? "\r" : "") + line(done) + "\n").utf8))
    }

    private func line(_ done: Int64) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int(fraction * 30)
        let mib = { (bytes: Int64) in String(format: "%.1f", Double(bytes) / 1_048_576).replacingOccurrences(of: ".", with: ",") }
        return "\(label) [\(String(repeating: "#", count: filled))\(String(repeating: " ", count: 30 - filled))] "
            + "\(Int(fraction * 100))% \(mib(done))/\(mib(total)) MiB"
    }
}
