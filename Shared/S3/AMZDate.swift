#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two UTC forms of a moment that SigV4 uses: `20130524T000000Z` for `x-amz-date` and
/// `20130524` for the credential scope.
struct AMZDate: Sendable, Equatable {
    /// `yyyyMMdd'T'HHmmss'Z'`.
    let timestamp: String
    /// `yyyyMMdd`.
    var day: String { String(timestamp.prefix(8)) }

    /// The moment `secondsSince1970` (UTC).
    init(secondsSince1970: Double) {
        var seconds = time_t(secondsSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        timestamp = "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }
}
