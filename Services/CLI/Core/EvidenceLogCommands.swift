import ArgumentParser
import EvidenceLog
import Foundation
import NQ57API
import NQ57Wire

/// A tree head kept by a client, with the key that signed it: what `verify-log` checks against.
struct KeptTreeHead: Codable {
    var head: SignedTreeHead
    var publicKeyPEM: String

    static func load(_ path: String) throws -> KeptTreeHead {
        guard let data = FileManager.default.contents(atPath: path),
              let kept = try? JSONDecoder().decode(KeptTreeHead.self, from: data) else {
            throw CLIFailure("Không đọc được đầu cây đã lưu trong \(path).")
        }
        return kept
    }

    func save(_ path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}

extension TreeHead {
    /// The log library's head from the API's.
    init?(_ head: SignedTreeHead) {
        guard let root = Digest(hex: head.root) else { return nil }
        self.init(size: head.size, root: root, timestamp: head.timestamp, signature: head.signature)
    }
}

extension EvidenceCommand {
    /// `nq57 evidence head`: the current signed head, optionally kept in a file for later checks.
    struct Head: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Đầu cây nhật ký minh chứng hiện tại (đã ký); lưu lại để kiểm tra về sau.")
        @Option(name: .long, help: "Lưu đầu cây và khóa công khai vào tệp này.") var save: String?
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let head = try await connection.authenticatedCall(EvidenceLogHead.self, Empty())
            let key = try await connection.authenticatedCall(EvidenceLogKey.self, Empty())
            guard let parsed = TreeHead(head), try TreeHeadVerifier(publicKeyPEM: key.publicKeyPEM).verify(parsed) else {
                throw CLIFailure("Chữ ký của đầu cây không hợp lệ.")
            }
            if let save { try KeptTreeHead(head: head, publicKeyPEM: key.publicKeyPEM).save(save) }
            print("kích thước \(head.size)\tgốc \(head.root)\tthời điểm \(head.timestamp)")
        }
    }

    /// `nq57 evidence prove ID`: the file's log entry is in the signed log, checked here.
    struct Prove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Chứng minh tệp minh chứng đã được ghi vào nhật ký (kiểm tra tại máy này).")
        @Argument(help: "Mã minh chứng.") var id: String
        @Option(name: .long, help: "Đơn vị.") var unit: String
        @Option(name: .long, help: "Tệp đầu cây đã lưu (để dùng khóa đã ghim thay vì khóa máy chủ gửi).") var kept: String?
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let proof = try await connection.authenticatedCall(EvidenceProve.self, .init(id: id, unitId: unit))
            let key: String
            if let kept {
                key = try KeptTreeHead.load(kept).publicKeyPEM
            } else {
                key = try await connection.authenticatedCall(EvidenceLogKey.self, Empty()).publicKeyPEM
            }
            guard let entry = try? JSONDecoder().decode(LogEntry.self, from: Data(proof.entry.utf8)),
                  entry.leafBytes == Array(proof.entry.utf8),
                  let head = TreeHead(proof.head) else {
                throw CLIFailure("Mục nhật ký không đọc được hoặc không ở dạng chuẩn.")
            }
            let path = proof.proof.compactMap(Digest.init(hex:))
            guard path.count == proof.proof.count,
                  LogAudit.checkInclusion(entry: entry, index: proof.index, proof: path, head: head,
                                          verifier: try TreeHeadVerifier(publicKeyPEM: key)) else {
                throw CLIFailure("KHÔNG chứng minh được: bằng chứng không khớp đầu cây đã ký.")
            }
            print("Đã chứng minh: mục #\(proof.index) nằm trong nhật ký kích thước \(proof.head.size) (gốc \(proof.head.root)).")
            print(proof.entry)
        }
    }

    /// `nq57 evidence verify-log --since FILE`: the log only grew since the head kept in FILE.
    struct VerifyLog: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-log",
            abstract: "Kiểm tra nhật ký chỉ được ghi thêm, không bị viết lại, kể từ đầu cây đã lưu.")
        @Option(name: .long, help: "Tệp đầu cây đã lưu (nq57 evidence head --save).") var since: String
        @Option(name: .long, help: "Lưu đầu cây mới vào tệp này khi kiểm tra đạt.") var save: String?
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let kept = try KeptTreeHead.load(since)
            let answer = try await connection.authenticatedCall(EvidenceConsistency.self, .init(from: kept.head.size))
            guard let old = TreeHead(kept.head), let new = TreeHead(answer.head) else {
                throw CLIFailure("Đầu cây không đọc được.")
            }
            let proof = answer.proof.compactMap(Digest.init(hex:))
            guard proof.count == answer.proof.count,
                  LogAudit.checkConsistency(old: old, new: new, proof: proof,
                                            verifier: try TreeHeadVerifier(publicKeyPEM: kept.publicKeyPEM)) else {
                throw CLIFailure("NHẬT KÝ KHÔNG NHẤT QUÁN với đầu cây đã lưu (kích thước \(kept.head.size)): lịch sử có thể đã bị viết lại.")
            }
            if let save { try KeptTreeHead(head: answer.head, publicKeyPEM: kept.publicKeyPEM).save(save) }
            print("Nhất quán: nhật ký kích thước \(kept.head.size) là phần đầu của nhật ký kích thước \(answer.head.size).")
        }
    }
}
