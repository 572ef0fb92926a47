/// One method of the API, defined once: its name, the shape of its params and result,
/// and what it does. The gateway routes by it, services register handlers for it, the CLI
/// and tests call it, and `sys.describe` is generated from it.
public protocol APIMethod: Sendable {
    /// What the caller sends.
    associatedtype Params: Codable & Sendable
    /// What the caller gets back.
    associatedtype Result: Codable & Sendable

    /// The wire name, `service.verb` (camelCase after the dot).
    static var name: String { get }
    /// One sentence on what the method does, for `sys.describe`.
    static var summary: String { get }
    /// Whether raw bytes travel with the request or the reply.
    static var bulk: BulkUse { get }
    /// Who may call it, on which units. No default: a method without a policy does not build.
    static var policy: AccessPolicy { get }
    /// Whether it changes anything (every write through the gateway is audited).
    static var writes: Bool { get }
}

extension APIMethod {
    public static var bulk: BulkUse { .none }
    public static var writes: Bool { false }

    /// The service that owns the method: the part of the name before the first dot.
    public static var service: String { String(name.prefix { $0 != "." }) }
}

/// Which direction carries raw bytes for a method.
public enum BulkUse: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    /// No raw bytes.
    case none
    /// The request carries raw bytes (an upload chunk).
    case request
    /// The reply carries raw bytes (a download chunk).
    case reply
    /// Both directions do.
    case both
}

/// The params (or result) of a method that has none: `{}`.
public struct Empty: Codable, Sendable, Equatable {
    /// The empty value.
    public init() {}
}
