import Benchmark
import EvidenceLog

/// The evidence log's append: each evidence file adds a leaf, and the new head's root is computed.
let benchmarks: @Sendable () -> Void = {
    // A shared 2-core machine: time may wander by a quarter at the median before it counts as a regression;
    // allocations are exact, so 5% more of them does.
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(2),
                                           thresholds: [.wallClock: .relaxed, .throughput: .relaxed, .mallocCountTotal: .default])

    let leaves: [[UInt8]] = (0..<1_000).map { index in Array("{\"evidenceId\":\"ev-\(index)\",\"kind\":\"upload\"}".utf8) }

    Benchmark("Merkle append: 1,000 leaves to an empty log") { benchmark in
        for _ in benchmark.scaledIterations {
            let log = MerkleLog()
            for leaf in leaves { blackHole(log.append(leafData: leaf)) }
        }
    }

    Benchmark("Merkle append then head: 1,000 leaves, the root after each") { benchmark in
        for _ in benchmark.scaledIterations {
            let log = MerkleLog()
            for leaf in leaves {
                _ = log.append(leafData: leaf)
                blackHole(log.head)
            }
        }
    }
}
