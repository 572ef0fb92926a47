import NQ57Crypto

/// An independent, deliberately naive transcription of RFC 6962 §2.1 over plain byte
/// arrays, with no memo and no iteration tricks: each function is the RFC's recursive
/// definition, line for line. The library is checked against it.
enum ReferenceMerkle {
    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { SHA256Hasher.digest($0) }
    }

    static func leafHash(_ data: [UInt8]) -> [UInt8] {
        sha256([0x00] + data)
    }

    static func nodeHash(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        sha256([0x01] + left + right)
    }

    /// The largest power of two smaller than n (n > 1), by counting up.
    static func split(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }

    /// MTH(D[n]), where `leaves` are already leaf hashes.
    static func mth(_ leaves: ArraySlice<[UInt8]>) -> [UInt8] {
        let n = leaves.count
        if n == 0 { return sha256([]) }
        if n == 1 { return leaves[leaves.startIndex] }
        let k = split(n)
        let lo = leaves.startIndex
        return nodeHash(mth(leaves[lo..<lo + k]), mth(leaves[(lo + k)...]))
    }

    /// PATH(m, D[n]).
    static func path(_ m: Int, _ leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
        let n = leaves.count
        if n == 1 { return [] }
        let k = split(n)
        let lo = leaves.startIndex
        if m < k {
            return path(m, leaves[lo..<lo + k]) + [mth(leaves[(lo + k)...])]
        } else {
            return path(m - k, leaves[(lo + k)...]) + [mth(leaves[lo..<lo + k])]
        }
    }

    /// PROOF(m, D[n]); empty for m == 0 (by this project's convention) and m == n.
    static func proof(_ m: Int, _ leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
        if m == 0 { return [] }
        return subproof(m, leaves, true)
    }

    /// SUBPROOF(m, D[n], b).
    static func subproof(_ m: Int, _ leaves: ArraySlice<[UInt8]>, _ b: Bool) -> [[UInt8]] {
        let n = leaves.count
        if m == n { return b ? [] : [mth(leaves)] }
        let k = split(n)
        let lo = leaves.startIndex
        if m <= k {
            return subproof(m, leaves[lo..<lo + k], b) + [mth(leaves[(lo + k)...])]
        } else {
            return subproof(m - k, leaves[(lo + k)...], false) + [mth(leaves[lo..<lo + k])]
        }
    }
}
