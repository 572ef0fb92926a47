import NIOCore

/// Pairs each message with the raw frame it announces (`"bulk": N`), as a pure state
/// machine over frames: the connection handlers feed it frames and act on what it says.
public struct InboundAssembler {
    /// What to do with a frame.
    public enum Action {
        /// A complete message (with its bulk bytes, if it announced some).
        case deliver(Envelope)
        /// A message that could not be used: reply with the error to its id and go on.
        case reject(EnvelopeDecodeError)
        /// Nothing yet: the message's raw frame is still to come.
        case wait
        /// The stream is out of step; reply if possible, then close the connection.
        case close(RPCError)
    }

    private enum State {
        case message
        case bulk(Envelope, length: Int)
        case skipping(length: Int)
    }

    private var state = State.message
    private let maxFrameBytes: Int

    /// Creates an assembler for a connection with the given frame limit.
    public init(maxFrameBytes: Int) {
        self.maxFrameBytes = maxFrameBytes
    }

    /// Takes the next frame off the connection.
    public mutating func receive(_ frame: ByteBuffer) -> Action {
        switch state {
        case .message:
            do {
                let (envelope, bulkLength) = try EnvelopeDecoder.decode(frame, maxBulk: maxFrameBytes)
                if let bulkLength {
                    state = .bulk(envelope, length: bulkLength)
                    return .wait
                }
                return .deliver(envelope)
            } catch {
                if let length = error.bulkLength { state = .skipping(length: length) }
                return .reject(error)
            }
        case .bulk(let envelope, let length):
            state = .message
            guard frame.readableBytes == length else {
                return .close(Self.outOfStep(expected: length, got: frame.readableBytes))
            }
            switch envelope {
            case .request(var request):
                request.bulk = frame
                return .deliver(.request(request))
            case .reply(var reply):
                reply.bulk = frame
                return .deliver(.reply(reply))
            }
        case .skipping(let length):
            state = .message
            guard frame.readableBytes == length else {
                return .close(Self.outOfStep(expected: length, got: frame.readableBytes))
            }
            return .wait
        }
    }

    private static func outOfStep(expected: Int, got: Int) -> RPCError {
        RPCError(.invalidArgument, "Khung dữ liệu thô dài \(got) byte, nhưng thông điệp trước đã báo \(expected) byte; kết nối sẽ đóng.",
                 details: ["expected": String(expected), "got": String(got)])
    }
}
