import Foundation

/// How password text becomes bytes, shared by hashing, verifying and the policy.
///
/// Passwords are normalised to Unicode NFC (canonical composition) before anything else.
/// Vietnamese keyboards differ: one sends "ậ" as the single scalar U+1EAD, another as "a"
/// followed by combining U+0323 and U+0302. Both look the same and the user cannot tell which
/// one they typed, so both must give the same bytes. Nothing else is changed: no trimming, no
/// case folding, no compatibility (NFKC) mapping.
enum PasswordNormalization {
    /// `password` in NFC.
    static func normalized(_ password: String) -> String {
        password.precomposedStringWithCanonicalMapping
    }

    /// The UTF-8 bytes of `password` in NFC: what scrypt receives.
    static func bytes(_ password: String) -> [UInt8] {
        Array(normalized(password).utf8)
    }
}
