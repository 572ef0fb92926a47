import Foundation

/// The issuing server's clock, read from an access token without checking its signature:
/// only to judge the token's expiry in the server's own time (a system started with
/// `--now` issues tokens in its own time), never to trust what the token says.
public enum TokenTime {
    /// The `iat` claim of a JWT, or nil if it has none.
    public static func issuedAt(_ token: String) -> Date? {
        let parts = token.split(separator: ".")
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let claims = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let iat = (claims["iat"] as? NSNumber)?.doubleValue else { return nil }
        return Date(timeIntervalSince1970: iat)
    }

    /// The server's clock minus this machine's, from a token it has just issued (0 if unknown).
    public static func serverOffset(fromFreshToken token: String) -> TimeInterval {
        issuedAt(token).map { $0.timeIntervalSinceNow } ?? 0
    }
}
