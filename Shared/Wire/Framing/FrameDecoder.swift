import NIOCore
import NIOExtras

/// Splits the byte stream into frames: a 4-byte big-endian length, then that many bytes.
///
/// A thin guard around NIOExtras' `LengthFieldBasedFrameDecoder`: it reads the length as
/// soon as four bytes are there and refuses a frame over the limit (or of length zero)
/// before buffering a byte of it, so a hostile length cannot make the process allocate.
public final class FrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer

    private let inner = LengthFieldBasedFrameDecoder(lengthFieldBitLength: .thirtyTwoBits, lengthFieldEndianness: .big)
    private let maxFrameBytes: Int
    /// Whether the inner decoder has consumed a length and waits for the frame's body.
    private var awaitingBody = false

    /// Creates a decoder that refuses frames longer than `maxFrameBytes`.
    public init(maxFrameBytes: Int) {
        self.maxFrameBytes = maxFrameBytes
    }

    public func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if !awaitingBody {
            guard let length = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self) else {
                return .needMoreData
            }
            if length == 0 { throw FrameError.emptyFrame }
            if UInt64(length) > UInt64(maxFrameBytes) { throw FrameError.tooLarge(length: Int(length), limit: maxFrameBytes) }
        }
        let before = buffer.readerIndex
        let state = try inner.decode(context: context, buffer: &buffer)
        if state == .continue {
            awaitingBody = false
        } else if buffer.readerIndex != before {
            awaitingBody = true
        }
        return state
    }

    public func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        if buffer.readableBytes > 0, try decode(context: context, buffer: &buffer) == .continue {
            return .continue
        }
        if buffer.readableBytes > 0 {
            let count = buffer.readableBytes
            buffer.moveReaderIndex(forwardBy: count)
            throw FrameError.truncated(bytes: count)
        }
        return .needMoreData
    }
}

/// Why the framing of a connection broke; each closes the connection.
public enum FrameError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A length prefix above the configured limit.
    case tooLarge(length: Int, limit: Int)
    /// A length prefix of zero.
    case emptyFrame
    /// The peer closed the connection in the middle of a frame.
    case truncated(bytes: Int)

    public var description: String {
        switch self {
        case .tooLarge(let length, let limit): "frame of \(length) bytes exceeds the limit of \(limit)"
        case .emptyFrame: "frame of length zero"
        case .truncated(let bytes): "connection closed \(bytes) bytes into a frame"
        }
    }

    /// The error to send the peer before closing, where one can still be sent.
    public var rpcError: RPCError {
        switch self {
        case .tooLarge(let length, let limit):
            RPCError(.resourceExhausted, "Khung tin dài \(length) byte, vượt giới hạn \(limit) byte; kết nối sẽ đóng.",
                     details: ["limit": String(limit), "length": String(length)])
        case .emptyFrame:
            RPCError(.invalidArgument, "Khung tin có độ dài 0; kết nối sẽ đóng.")
        case .truncated:
            RPCError(.invalidArgument, "Khung tin bị cắt ngang.")
        }
    }
}
