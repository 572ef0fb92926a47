/// Where and how to reach one bucket of an S3-compatible store, path-style
/// (`<endpoint>/<bucket>/<key>`), as ``S3Client`` needs it.
public struct S3Configuration: Sendable, CustomStringConvertible {
    /// `http://host:port` or `https://host:port`, no path.
    public var endpoint: String
    /// The region in the signature's scope (`us-east-1` unless the store says otherwise).
    public var region: String
    /// The bucket that holds nq57's objects.
    public var bucket: String
    /// The key pair.
    public var credentials: S3Credentials
    /// A PEM file of CA certificates to trust for `https` (the data centre's own), instead of
    /// the system's.
    public var caFile: String?
    /// How long to wait for a connection; then the call fails as unavailable.
    public var connectTimeoutSeconds: Int64
    /// How long a call may go without a byte arriving; then it fails as unavailable.
    public var readTimeoutSeconds: Int64
    /// Connections kept open to the store. A call finding all of them busy waits for one no
    /// longer than ``connectTimeoutSeconds`` and then fails as unavailable, so this must cover
    /// every call the owner lets run at once (the evidence service sizes it to its memory budget).
    public var maxConnections: Int

    /// A configuration; timeouts default to 2 s to connect and 60 s between bytes; 16 connections.
    public init(endpoint: String, region: String = "us-east-1", bucket: String, credentials: S3Credentials,
                caFile: String? = nil, connectTimeoutSeconds: Int64 = 2, readTimeoutSeconds: Int64 = 60, maxConnections: Int = 16) {
        self.endpoint = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        self.region = region
        self.bucket = bucket
        self.credentials = credentials
        self.caFile = caFile
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.readTimeoutSeconds = readTimeoutSeconds
        self.maxConnections = max(1, maxConnections)
    }

    /// Endpoint, region and bucket: no secret.
    public var description: String { "S3 \(endpoint) bucket \(bucket) region \(region) key \(credentials.accessKeyId)" }

    /// The `Host` header: the endpoint's host and port.
    var hostHeader: String {
        let withoutScheme = endpoint.split(separator: "://", maxSplits: 1).last.map(String.init) ?? endpoint
        return withoutScheme.split(separator: "/", maxSplits: 1).first.map(String.init) ?? withoutScheme
    }
}
