/// Why an ``IdentityProviderConfiguration`` cannot be used: a mistake of whoever configured the
/// service, reported at start-up, never to a person logging in.
public struct IdentityProviderConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problem, for programs and logs.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The issuer is empty.
        case emptyIssuer
        /// The audience (client id) is empty.
        case emptyAudience
        /// No algorithm is allowed.
        case noAllowedAlgorithms
        /// The clock leeway is negative or not a finite number.
        case invalidClockLeeway
        /// The name of the personal number claim is empty.
        case emptyPersonalNumberClaim
        /// The key set is not JSON of the form `{"keys":[…]}`.
        case unreadableKeySet
        /// Two signing keys in the key set have the same `kid`.
        case duplicateKeyIdentifier
        /// A signing key that would be used has unusable key material.
        case invalidKey
        /// No key in the key set can verify any of the allowed algorithms.
        case noUsableKeys
    }

    /// The problem, for programs and logs.
    public let reason: Reason

    /// The key identifier concerned, where there is one.
    public let keyIdentifier: String?

    /// Creates the error for a reason, optionally naming a key.
    public init(_ reason: Reason, keyIdentifier: String? = nil) {
        self.reason = reason
        self.keyIdentifier = keyIdentifier
    }

    /// A sentence for the operator, in Vietnamese.
    public var message: String {
        switch reason {
        case .emptyIssuer: "Cấu hình VNeID thiếu định danh nhà phát hành (issuer)."
        case .emptyAudience: "Cấu hình VNeID thiếu mã ứng dụng (client id)."
        case .noAllowedAlgorithms: "Cấu hình VNeID không cho phép thuật toán ký nào."
        case .invalidClockLeeway: "Độ lệch đồng hồ cho phép phải là số giây không âm."
        case .emptyPersonalNumberClaim: "Cấu hình VNeID thiếu tên trường số định danh."
        case .unreadableKeySet: "Bộ khóa công khai (JWKS) của VNeID không đọc được."
        case .duplicateKeyIdentifier: "Bộ khóa công khai (JWKS) có hai khóa trùng mã \"\(keyIdentifier ?? "")\"."
        case .invalidKey: "Khóa \"\(keyIdentifier ?? "")\" trong bộ khóa công khai (JWKS) không hợp lệ."
        case .noUsableKeys: "Bộ khóa công khai (JWKS) không có khóa ký nào dùng được với các thuật toán cho phép."
        }
    }

    /// The reason and the message.
    public var description: String { "\(reason.rawValue): \(message)" }
}
