/// The cost of one scrypt derivation (RFC 7914): N = 2^`logN` (CPU and memory cost), `r`
/// (block size) and `p` (parallelisation). Every value of this type is within the accepted
/// ranges; the initialiser checks them.
///
/// Memory for one derivation is about 128 · r · N bytes (32 MiB for the defaults); time grows
/// with N · r · p.
public struct ScryptParameters: Sendable, Hashable, CustomStringConvertible {
    /// Accepted values of `logN`: N from 1,024 to 1,048,576.
    public static let logNRange: ClosedRange<UInt8> = 10...20
    /// Accepted values of `r`.
    public static let rRange: ClosedRange<UInt32> = 1...32
    /// Accepted values of `p`.
    public static let pRange: ClosedRange<UInt32> = 1...16

    /// The parameters new password hashes use: N = 2^15, r = 8, p = 1 (32 MiB, roughly 100 ms).
    public static let `default` = ScryptParameters(checkedLogN: 15, r: 8, p: 1)

    /// Base-2 logarithm of the cost N.
    public let logN: UInt8
    /// Block size.
    public let r: UInt32
    /// Parallelisation.
    public let p: UInt32

    /// Checks and stores the parameters.
    ///
    /// - Throws: ``ScryptError/parameterOutOfRange(name:value:allowed:)`` if `logN` is outside
    ///   10...20, `r` outside 1...32 or `p` outside 1...16.
    public init(logN: UInt8, r: UInt32, p: UInt32) throws(ScryptError) {
        try self.init(wideLogN: UInt64(logN), r: UInt64(r), p: UInt64(p))
    }

    /// Checks values read from text, which may not even fit the stored types.
    init(wideLogN logN: UInt64, r: UInt64, p: UInt64) throws(ScryptError) {
        try Self.check("ln", logN, Self.logNRange)
        try Self.check("r", r, Self.rRange)
        try Self.check("p", p, Self.pRange)
        self.init(checkedLogN: UInt8(logN), r: UInt32(r), p: UInt32(p))
    }

    private init(checkedLogN logN: UInt8, r: UInt32, p: UInt32) {
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// N itself, 2^`logN`.
    public var n: UInt64 { 1 << UInt64(logN) }

    /// The PHC parameter list, e.g. `ln=15,r=8,p=1`.
    public var description: String { "ln=\(logN),r=\(r),p=\(p)" }

    private static func check<Bound: BinaryInteger>(
        _ name: String, _ value: UInt64, _ range: ClosedRange<Bound>
    ) throws(ScryptError) {
        let allowed = UInt64(range.lowerBound)...UInt64(range.upperBound)
        guard allowed.contains(value) else { throw .parameterOutOfRange(name: name, value: value, allowed: allowed) }
    }
}
