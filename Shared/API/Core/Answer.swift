import NIOCore
import NQ57Wire

/// A result together with the raw bytes that travel after it (for methods whose reply
/// carries bulk data).
public struct Answer<Result: Sendable>: Sendable {
    /// The typed result.
    public var result: Result
    /// The raw bytes, if any.
    public var bulk: ByteBuffer?

    /// Creates an answer.
    public init(_ result: Result, bulk: ByteBuffer? = nil) {
        self.result = result
        self.bulk = bulk
    }
}
