/// Why a new password was refused. ``message`` is the Vietnamese sentence to show the user;
/// the associated values carry the numbers for clients that build their own text.
public enum PasswordPolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer characters than the policy's minimum (counted as Characters after NFC).
    case tooShort(minimum: Int, actual: Int)
    /// Two or more characters, all the same one, e.g. "aaaaaaaaaaaa".
    case singleRepeatedCharacter

    /// The reason in Vietnamese, for people.
    public var message: String {
        switch self {
        case let .tooShort(minimum, actual):
            "Mật khẩu phải có ít nhất \(minimum) ký tự (mật khẩu đã nhập có \(actual) ký tự)."
        case .singleRepeatedCharacter:
            "Mật khẩu không được chỉ gồm một ký tự lặp lại."
        }
    }

    /// Same as ``message``.
    public var description: String { message }
}

/// The rules a new password must meet before it is hashed.
///
/// Length is counted in Characters (what a person sees as one letter) after NFC
/// normalisation, so "ậ" counts once however the keyboard encoded it. Spaces count like any
/// other character and nothing is trimmed.
public struct PasswordPolicy: Sendable, Equatable {
    /// Fewest characters accepted; values below 1 are treated as 1.
    public var minimumLength: Int

    /// A policy requiring at least `minimumLength` characters (10 unless told).
    public init(minimumLength: Int = 10) {
        self.minimumLength = minimumLength
    }

    /// Checks `password`, throwing the first rule it breaks.
    ///
    /// - Throws: ``PasswordPolicyError/tooShort(minimum:actual:)`` or
    ///   ``PasswordPolicyError/singleRepeatedCharacter``.
    public func check(_ password: String) throws(PasswordPolicyError) {
        let normalized = PasswordNormalization.normalized(password)
        let minimum = max(minimumLength, 1)
        let count = normalized.count
        guard count >= minimum else { throw .tooShort(minimum: minimum, actual: count) }
        if count > 1, let first = normalized.first, normalized.allSatisfy({ $0 == first }) {
            throw .singleRepeatedCharacter
        }
    }
}
