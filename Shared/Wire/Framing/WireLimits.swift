import NIOCore

/// Limits every connection enforces, in the decoder, before work is done.
public struct WireLimits: Sendable {
    /// The largest frame accepted, JSON or raw (default 16 MiB). Bulk data travels in
    /// chunks no larger than this.
    public var maxFrameBytes: Int
    /// A connection that sends nothing for this long is closed (default 5 minutes).
    public var idleTimeout: TimeAmount

    /// Creates limits; the defaults suit a service behind the gateway.
    public init(maxFrameBytes: Int = 16 * 1024 * 1024, idleTimeout: TimeAmount = .minutes(5)) {
        self.maxFrameBytes = maxFrameBytes
        self.idleTimeout = idleTimeout
    }
}
