/// An access key pair for an S3-compatible store. Its descriptions never show the secret, so a
/// configuration logged by mistake leaks nothing.
public struct S3Credentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The public half, sent with every request (`Credential=<id>/…`).
    public let accessKeyId: String
    /// The secret half: it only keys HMACs and is never sent or printed.
    public let secretAccessKey: String

    /// A key pair.
    public init(accessKeyId: String, secretAccessKey: String) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
    }

    /// The access key id and a mask in place of the secret.
    public var description: String { "S3Credentials(accessKeyId: \(accessKeyId), secretAccessKey: <redacted>)" }
    /// Same as ``description``.
    public var debugDescription: String { description }
}
