import NIOCore
import NQ57Wire

/// The validating scanner against itself: what one entry point accepts, the others agree with.
enum JSONScannerFuzzing {
    static func check(_ bytes: UnsafeRawBufferPointer) {
        let isValue = (try? JSONScanner.validateValue(bytes)) != nil
        if let members = try? JSONScanner.scanObject(bytes) {
            require(isValue, "scanObject accepted what validateValue refuses")
            require(JSONScanner.kind(of: bytes) == .object, "an object not classified as one")
            for member in members {
                let value = UnsafeRawBufferPointer(rebasing: bytes[member.value])
                require((try? JSONScanner.validateValue(value)) != nil, "a member's value range is not a JSON value")
            }
        }
        if let integer = JSONScanner.parseInt64(bytes) {
            require(isValue, "parseInt64 accepted what validateValue refuses")
            require(integer == 0 || String(integer).utf8.count == bytes.count, "parseInt64 read a different number")
        }
        if let text = try? JSONScanner.decodeString(bytes) {
            require(isValue, "decodeString accepted what validateValue refuses")
            var encoded = ByteBuffer()
            EnvelopeEncoder.writeJSONString(text, into: &encoded)
            let again = encoded.withUnsafeReadableBytes { try? JSONScanner.decodeString($0) }
            require(again == text, "a decoded string does not survive encoding")
        }
    }
}

/// Stops the run with a message libFuzzer records as a crash.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
