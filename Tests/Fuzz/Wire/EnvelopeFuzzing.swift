import NIOCore
import NQ57Wire

/// The envelope decoder: an accepted envelope, written back by the encoder, decodes to the same one.
enum EnvelopeFuzzing {
    static let maxBulk = 1 << 16

    static func check(_ frame: ByteBuffer) {
        guard let (envelope, bulkLength) = try? EnvelopeDecoder.decode(frame, maxBulk: maxBulk) else { return }
        if let bulkLength { require(bulkLength > 0 && bulkLength <= maxBulk, "a bulk length outside the limit") }
        roundTrip(envelope)
    }

    /// Encodes `envelope` and decodes it again; the id, method, params and outcome must match.
    static func roundTrip(_ envelope: Envelope) {
        var buffer = ByteBuffer()
        switch envelope {
        case .request(let request): EnvelopeEncoder.write(request, into: &buffer)
        case .reply(let reply): EnvelopeEncoder.write(reply, into: &buffer)
        }
        let decoded: Envelope
        do {
            decoded = try EnvelopeDecoder.decode(buffer, maxBulk: Int.max).envelope
        } catch {
            fatalError("a re-encoded envelope is refused: \(error.error.message)")
        }
        switch (envelope, decoded) {
        case (.request(let sent), .request(let got)):
            require(sent.id == got.id && sent.method == got.method, "request id or method changed")
            require(sent.params.buffer == got.params.buffer, "request params changed")
            require(sent.token == got.token && sent.deadline == got.deadline, "request token or deadline changed")
        case (.reply(let sent), .reply(let got)):
            require(sent.id == got.id, "reply id changed")
            switch (sent.outcome, got.outcome) {
            case (.success(let a), .success(let b)): require(a.buffer == b.buffer, "reply result changed")
            case (.failure(let a), .failure(let b)): require(a.code == b.code && a.message == b.message, "reply error changed")
            default: fatalError("reply outcome changed")
            }
        default:
            fatalError("a request became a reply or the reverse")
        }
    }
}
