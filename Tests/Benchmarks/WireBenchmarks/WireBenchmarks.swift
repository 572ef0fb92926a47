import Benchmark
import NIOCore
import NIOEmbedded
import NQ57Wire

/// The wire's hot paths: a connection's bytes cut into frames, a frame decoded into an envelope, and the JSON
/// scanner the decoder runs over params.
let benchmarks: @Sendable () -> Void = {
    // A shared 2-core machine: time may wander by a quarter at the median before it counts as a regression;
    // allocations are exact, so 5% more of them does.
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(2),
                                           thresholds: [.wallClock: .relaxed, .throughput: .relaxed, .mallocCountTotal: .default])

    let params = #"{"unitId":"vn-75-25246","asOf":"2026-01-10","note":"Đã rà soát hạ tầng số của xã Bình Tân","items":[1,2,3,4,5,6,7,8],"nested":{"a":true,"b":null,"c":-12.5e3}}"#
    let request = RequestEnvelope(id: MessageID(42), method: "tasks.flags", params: try! RawJSON(params), deadline: 1_900_000_000_000)
    var encoded = ByteBuffer()
    EnvelopeEncoder.write(request, into: &encoded)
    // 100 frames back to back, each a 4-byte big-endian length and the envelope.
    var stream = ByteBuffer()
    for _ in 0..<100 {
        stream.writeInteger(UInt32(encoded.readableBytes))
        stream.writeImmutableBuffer(encoded)
    }

    Benchmark("Frame decoding: 100 request frames in one read") { benchmark in
        for _ in benchmark.scaledIterations {
            let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maxFrameBytes: 1 << 20)))
            try channel.writeInbound(stream)
            var frames = 0
            while let frame = try channel.readInbound(as: ByteBuffer.self) {
                frames += 1
                blackHole(frame)
            }
            precondition(frames == 100)
            _ = try channel.finish()
        }
    }

    Benchmark("Envelope decoding: one request") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try EnvelopeDecoder.decode(encoded, maxBulk: 1 << 20))
        }
    }

    let bytes = Array(params.utf8)
    Benchmark("JSON scanner: scanObject over request params") { benchmark in
        for _ in benchmark.scaledIterations {
            try bytes.withUnsafeBytes { buffer in blackHole(try JSONScanner.scanObject(buffer)) }
        }
    }

    Benchmark("JSON scanner: decodeString with escapes and Vietnamese") { benchmark in
        let text = Array(#""Ph\u01b0\u1eddng B\u00ecnh Long \"tr\u1ecdng \u0111i\u1ec3m\" \n s\u1ed1 27-KH/\u0110U""#.utf8)
        for _ in benchmark.scaledIterations {
            try text.withUnsafeBytes { buffer in blackHole(try JSONScanner.decodeString(buffer)) }
        }
    }
}
