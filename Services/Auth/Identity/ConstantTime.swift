/// Comparison whose running time does not depend on where two secrets differ.
enum ConstantTime {
    /// Whether `a` and `b` have the same UTF-8 bytes. Every byte is compared, without stopping at
    /// the first difference; only the lengths (not secret for a nonce) can show in the timing.
    static func equals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices {
            difference |= x[index] ^ y[index]
        }
        return difference == 0
    }
}
