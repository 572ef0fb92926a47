import NIOCore

/// Limits every connection enforces, in the decoder, before work is done.
public struct WireLimits: Sendable {
    /// The largest frame accepted, JSON or raw (default 16 MiB). Bulk data travels in
    /// chunks no larger than this.
    public var maxFrameBytes: Int
    /// A connection that sends nothing for this long is closed (default 5 minutes).
    public var idleTimeout: TimeAmount
    /// Calls one connection may have in flight; past this the server stops reading from it
    /// until some finish (backpressure, not an error). Default 512.
    public var maxCallsInFlight: Int
    /// Bulk bytes one connection may have in flight before the server stops reading from it
    /// (default 64 MiB), so a fast uploader cannot make a server buffer without bound.
    public var maxBulkBytesInFlight: Int

    /// Creates limits; the defaults suit a service behind the gateway.
    public init(maxFrameBytes: Int = 16 * 1024 * 1024, idleTimeout: TimeAmount = .minutes(5),
                maxCallsInFlight: Int = 512, maxBulkBytesInFlight: Int = 64 * 1024 * 1024) {
        self.maxFrameBytes = maxFrameBytes
        self.idleTimeout = idleTimeout
        self.maxCallsInFlight = maxCallsInFlight
        self.maxBulkBytesInFlight = maxBulkBytesInFlight
    }
}
