import NIOCore
import NIOEmbedded
import NQ57Wire

/// libFuzzer entry point over the wire's input side. Each input is used twice:
/// as one JSON document (the scanner and the envelope decoder), and as the byte stream of a
/// connection (frame decoder, then the inbound assembler). Both must refuse bad input with
/// an error, never a trap, and whatever they accept must survive a round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWire(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    JSONScannerFuzzing.check(bytes)
    EnvelopeFuzzing.check(ByteBuffer(bytes: bytes))
    StreamFuzzing.check(bytes)
    return 0
}
