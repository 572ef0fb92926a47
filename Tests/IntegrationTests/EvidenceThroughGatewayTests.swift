import Foundation
import NIOCore
import NQ57API
import NQ57Crypto
import NQ57TestSupport
import NQ57Wire
import Testing

/// Evidence through the real gateway and evidence service, and with the `nq57 evidence` CLI.
@Suite(.serialized)
struct EvidenceThroughGatewayTests {
    static func setUp(_ system: TestSystem) async throws -> (admin: String, staff: String) {
        let admin = try await system.login()
        _ = try await system.client.call(AuthUnitsCreate.self, .init(id: "vn-75", parentId: "vn", kind: .province, code: "75",
                                                                     names: [UnitName(name: "Tỉnh Đồng Nai", validFrom: "2025-07-01")]), token: admin)
        _ = try await system.client.call(AuthUsersAdd.self, .init(username: "cv.tinh", displayName: "CV", unitId: "vn-75", password: "mat-khau-thu-nghiem"), token: admin)
        _ = try await system.client.call(AuthUsersGrant.self, GrantParams(username: "cv.tinh", role: .staff, unitId: "vn-75"), token: admin)
        return (admin, try await system.login("cv.tinh", password: "mat-khau-thu-nghiem"))
    }


    @Test("nq57 evidence put and get stream a 9 MiB file in chunks; the same bytes are stored once; a changed file is caught")
    func putGetScrub() async throws {
        let system = try await TestSystem()
        let (_, staff) = try await Self.setUp(system)
        let common = ["--data", system.root, "--session", "\(system.root)/staff-session.json"]
        let asAdmin = ["--data", system.root, "--session", "\(system.root)/admin-session.json"]
        let login = try await ChildProcess.run("nq57", ["login", "--user", "cv.tinh", "--password-stdin"] + common, input: "mat-khau-thu-nghiem\n")
        #expect(login.status == 0)
        let adminLogin = try await ChildProcess.run("nq57", ["login", "--user", "admin", "--password-stdin"] + asAdmin,
                                                    input: TestSystem.adminPassword + "\n")
        #expect(adminLogin.status == 0)

        // A PDF of 9 MiB, more than two chunks.
        let file = "\(system.root)/bien-ban.pdf"
        var bytes = Array("%PDF-1.7\n".utf8)
        bytes += (0..<(9 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        #expect(FileManager.default.createFile(atPath: file, contents: Data(bytes)))
        let expected = bytes.withUnsafeBytes { SHA256Hasher.digest($0) }.hexString

        let put = try await ChildProcess.run("nq57", ["evidence", "put", file, "--unit", "vn-75", "--for", "task:t-1"] + common, timeout: 60)
        #expect(put.status == 0, "\(put.stderr)")
        let fields = put.stdout.split(separator: "\t").map(String.init)
        #expect(fields.count >= 3)
        let id = fields.first ?? ""
        #expect(fields.dropFirst().first == expected)
        #expect(fields.dropFirst(2).first == "application/pdf")
        // Uploads go in 4 MiB chunks; a read answers up to 8 MiB, however much more is asked for.
        let opened = try await system.client.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: "x.pdf"), token: staff)
        #expect(opened.maxChunkBytes == 4 << 20)
        let wide = try await system.client.callAnswer(EvidenceRead.self, .init(id: id, unitId: "vn-75", offset: 1, length: 16 << 20), token: staff)
        #expect(wide.bulk.map { Array($0.readableBytesView) } == Array(bytes[1..<(1 + EvidenceRead.largestChunk)]))

        // Keep the log's head, add a file, then prove and check the log only grew.
        let kept = "\(system.root)/head-1.json"
        let head = try await ChildProcess.run("nq57", ["evidence", "head", "--save", kept] + common)
        #expect(head.status == 0, "\(head.stderr)")
        #expect(head.stdout.hasPrefix("kích thước 1"))
        let again = try await ChildProcess.run("nq57", ["evidence", "put", file, "--unit", "vn-75"] + common, timeout: 60)
        let prove = try await ChildProcess.run("nq57", ["evidence", "prove", id, "--unit", "vn-75", "--kept", kept] + common)
        #expect(prove.status == 0, "\(prove.stderr)")
        #expect(prove.stdout.contains("Đã chứng minh: mục #0"))
        let verify = try await ChildProcess.run("nq57", ["evidence", "verify-log", "--since", kept] + common)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("kích thước 1 là phần đầu của nhật ký kích thước 2"))
        // A kept head that was altered (or a history that was rewritten) does not check out.
        var altered = try String(contentsOfFile: kept, encoding: .utf8)
        altered = altered.replacingOccurrences(of: "\"size\" : 1", with: "\"size\" : 2")
        try altered.write(toFile: kept, atomically: true, encoding: .utf8)
        let refused = try await ChildProcess.run("nq57", ["evidence", "verify-log", "--since", kept] + common)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("KHÔNG NHẤT QUÁN"))
        let secondId = again.stdout.split(separator: "\t").first.map(String.init) ?? ""
        #expect(secondId != id)
        let objects = try FileManager.default.subpathsOfDirectory(atPath: "\(system.root)/evidence/blobs/objects")
            .filter { $0.hasSuffix(expected) }
        #expect(objects.count == 1, "the same bytes are stored once")

        // Staff ask for publication with the CLI; the admin is neither head nor reviewer and cannot decide.
        let publish = try await ChildProcess.run("nq57", ["evidence", "publish", id, "--unit", "vn-75"] + common)
        #expect(publish.status == 0, "\(publish.stderr)")
        #expect(publish.stdout.contains("công khai: submitted"))
        let decide = try await ChildProcess.run("nq57", ["evidence", "decide-publication", id, "--unit", "vn", "--decision", "accept"] + asAdmin)
        #expect(decide.status != 0)

        let out = "\(system.root)/tai-ve.pdf"
        let get = try await ChildProcess.run("nq57", ["evidence", "get", id, "--unit", "vn", "-o", out] + asAdmin, timeout: 60)
        #expect(get.status == 0, "\(get.stderr)")
        #expect(FileManager.default.contents(atPath: out) == Data(bytes))
        let nowhere = try await ChildProcess.run("nq57", ["evidence", "get", id, "--unit", "vn", "-o", "\(system.root)/khong-co/x.pdf"] + asAdmin)
        #expect(nowhere.status != 0)
        #expect(nowhere.stderr.contains("Không ghi được tệp \(system.root)/khong-co/x.pdf"), "\(nowhere.stderr)")

        // Someone changes the stored object on disk: reads and scrub catch it.
        let object = "\(system.root)/evidence/blobs/objects/\(objects[0])"
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object)
        let handle = try #require(FileHandle(forUpdatingAtPath: object))
        try handle.seek(toOffset: 4_000_000)
        handle.write(Data([0xFF, 0x00, 0xFF]))
        try handle.close()
        let damaged = try await ChildProcess.run("nq57", ["evidence", "get", id, "--unit", "vn", "-o", out + "2"] + asAdmin, timeout: 60)
        #expect(damaged.status != 0)
        #expect(!FileManager.default.fileExists(atPath: out + "2"))
        let scrub = try await ChildProcess.run("nq57", ["evidence", "scrub"] + asAdmin, timeout: 60)
        #expect(scrub.status == 2)
        #expect(scrub.stdout.contains("HỎNG\t\(id)"))
        let show = try await ChildProcess.run("nq57", ["evidence", "show", id, "--unit", "vn-75"] + common)
        #expect(show.stdout.contains("corrupt"))
        // Once marked, none of it is served, not even its intact first block.
        let firstBlock = await errorCode {
            _ = try await system.client.callAnswer(EvidenceRead.self, .init(id: id, unitId: "vn-75", offset: 0, length: 10), token: staff)
        }
        #expect(firstBlock == .failedPrecondition)
        #expect(await system.stop() == 0)
    }

    @Test("Bad uploads are refused with the right code, and nothing is stored")
    func badUploads() async throws {
        let system = try await TestSystem()
        let (_, staff) = try await Self.setUp(system)
        let client = system.client
        func upload(_ bytes: [UInt8], name: String, expected: String? = nil, offsets: [Int64]? = nil) async throws -> EvidenceInfo {
            let start = try await client.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: name, expectedSha256: expected), token: staff)
            let half = bytes.count / 2
            let chunks = [Array(bytes[..<half]), Array(bytes[half...])]
            let positions = offsets ?? [0, Int64(half)]
            for (chunk, offset) in zip(chunks, positions) {
                _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: "vn-75", offset: offset),
                                          token: staff, bulk: ByteBuffer(bytes: chunk))
            }
            return try await client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: "vn-75"), token: staff)
        }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 1, count: 100)
        let stored = try await upload(png, name: "../../etc/anh chụp.pdf")
        #expect(stored.mediaType == "image/png", "the type comes from the bytes, not the name")
        #expect(stored.fileName == "anh chụp.pdf", "no path from the client")

        #expect(await errorCode { _ = try await upload(Array("plain text, not evidence".utf8), name: "ghi-chu.txt") } == .invalidArgument)
        #expect(await errorCode { _ = try await upload(png, name: "a.png", expected: String(repeating: "0", count: 64)) } == .invalidArgument)
        #expect(await errorCode { _ = try await upload(png, name: "a.png", offsets: [0, 3]) } == .failedPrecondition)
        #expect(await errorCode { _ = try await upload(png, name: "a.png", expected: "not-a-hash") } == .invalidArgument)
        // A renamed executable, an empty upload, a chunk after the commit, a missing id.
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 200)
        #expect(await errorCode { _ = try await upload(elf, name: "bao-cao.pdf") } == .invalidArgument)
        let empty = try await client.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: "rong.pdf"), token: staff)
        #expect(await errorCode {
            _ = try await client.call(EvidenceUploadFinish.self, .init(uploadId: empty.uploadId, unitId: "vn-75"), token: staff)
        } == .invalidArgument)
        #expect(await errorCode {
            _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: empty.uploadId, unitId: "vn-75", offset: 0),
                                      token: staff, bulk: ByteBuffer(bytes: png))
        } == .notFound, "a chunk after the commit")
        #expect(await errorCode {
            _ = try await client.callAnswer(EvidenceRead.self, .init(id: "ev-does-not-exist", unitId: "vn-75", offset: 0, length: 10), token: staff)
        } == .notFound)

        let other = await errorCode {
            _ = try await client.call(EvidenceUploadStart.self, .init(unitId: "vn", fileName: "a.pdf"), token: staff)
        }
        #expect(other == .permissionDenied, "staff of the province cannot upload for the centre")
        let objects = try FileManager.default.subpathsOfDirectory(atPath: "\(system.root)/evidence/blobs/objects").filter { $0.count > 40 }
        #expect(objects.count == 1, "only the accepted PNG is stored")

        // Publishing: staff ask, the head decides (staff cannot), anyone reads it, the head withdraws it.
        let start = try await client.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: "cong-khai.png", requestPublication: true),
                                          token: staff)
        _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: "vn-75", offset: 0),
                                  token: staff, bulk: ByteBuffer(bytes: png))
        let asked = try await client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: "vn-75"), token: staff)
        #expect(asked.publication?.state == .submitted && !asked.isPublic)
        #expect(await errorCode { _ = try await client.callAnswer(EvidenceReadPublic.self, .init(id: asked.id, offset: 0, length: 1000)) } == .notFound)
        #expect(await errorCode {
            _ = try await client.call(EvidenceDecidePublication.self, .init(id: asked.id, unitId: "vn-75", decision: .accept), token: staff)
        } == .permissionDenied, "staff cannot publish")
        let admin = try await system.login()
        _ = try await client.call(AuthUsersAdd.self, .init(username: "tp.tinh", displayName: "TP", unitId: "vn-75", password: "mat-khau-thu-nghiem"),
                                  token: admin)
        _ = try await client.call(AuthUsersGrant.self, GrantParams(username: "tp.tinh", role: .head, unitId: "vn-75"), token: admin)
        let head = try await system.login("tp.tinh", password: "mat-khau-thu-nghiem")
        let published = try await client.call(EvidenceDecidePublication.self, .init(id: asked.id, unitId: "vn-75", decision: .accept), token: head)
        #expect(published.isPublic)
        let anyone = try await client.callAnswer(EvidenceReadPublic.self, .init(id: published.id, offset: 0, length: 1000))
        #expect(anyone.bulk.map { Array($0.readableBytesView) } == png)
        let withdrawn = try await client.call(EvidenceWithdrawPublication.self, .init(id: asked.id, unitId: "vn-75", reason: "Đã hết thời hạn công khai"),
                                              token: head)
        #expect(withdrawn.publication?.state == .withdrawn)
        #expect(await errorCode { _ = try await client.callAnswer(EvidenceReadPublic.self, .init(id: asked.id, offset: 0, length: 1000)) } == .notFound)
        #expect(await errorCode { _ = try await client.callAnswer(EvidenceReadPublic.self, .init(id: stored.id, offset: 0, length: 10)) } == .notFound)
        #expect(await errorCode { _ = try await client.callAnswer(EvidenceRead.self, .init(id: stored.id, unitId: "vn-75", offset: 0, length: 10)) }
                == .unauthenticated)
        #expect(await system.stop() == 0)
    }
}
