import NIOCore
import NIOEmbedded
import NQ57Wire

/// A connection's inbound bytes: the frame decoder (length prefixes) feeding the inbound
/// assembler (messages and their raw frames), as a server connection uses them.
enum StreamFuzzing {
    static let maxFrameBytes = 1 << 16

    static func check(_ bytes: UnsafeRawBufferPointer) {
        // An input whose first length prefix is over the limit is refused before anything else is
        // read (FrameDecoderTests cover that); skipping the channel for it, which is every input
        // that starts like a JSON document, keeps the fuzzer fast where the stream has something to say.
        guard bytes.count >= 4, Int(bytes.loadUnaligned(as: UInt32.self).bigEndian) <= maxFrameBytes else { return }
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maxFrameBytes: maxFrameBytes)))
        defer { _ = try? channel.finish() }
        var assembler = InboundAssembler(maxFrameBytes: maxFrameBytes)
        // Two writes, split where the first byte says, so a frame can straddle reads.
        let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        for part in [bytes[..<split], bytes[split...]] {
            do {
                try channel.writeInbound(ByteBuffer(bytes: part))
            } catch {
                return  // a framing error closes the connection; nothing more is read
            }
            while let frame = try? channel.readInbound(as: ByteBuffer.self) {
                require(frame.readableBytes > 0 && frame.readableBytes <= maxFrameBytes, "a frame outside the limit")
                switch assembler.receive(frame) {
                case .deliver(let envelope): EnvelopeFuzzing.roundTrip(envelope)
                case .close: return
                case .reject, .wait: break
                }
            }
        }
    }
}
