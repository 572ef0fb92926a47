import Foundation
import NIOCore
import NQ57Mail
import NQ57TestSupport
import Testing

/// The SMTP client against a real server (aiosmtpd on 127.0.0.1), which parses what arrives
/// with Python's own `email` package.
@Suite(.serialized) struct SMTPClientTests {
    static let subject = "Nhắc việc ngày 07/12/2026: 3 việc sắp đến hạn, 1 việc quá hạn — Ủy ban nhân dân xã Bình Tân"
    static let body = """
        Kính gửi đồng chí Nguyễn Thị Hường,

        Các việc sau đây sắp đến hạn:
        . dòng bắt đầu bằng dấu chấm
        ..hai dấu chấm
        .
        Trân trọng.
        """

    static func message(to: String = "cv.pkt@demo.nq57.invalid") -> MailMessage {
        MailMessage(from: "nhac-viec@nq57.invalid", to: to, subject: subject, body: body,
                    date: Date(timeIntervalSince1970: 1_796_601_600), messageId: "digest-test-1@nq57.invalid")
    }

    @Test func aVietnameseMessageArrivesAsWrittenWithItsHeaders() async throws {
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        let client = SMTPClient(configuration: .init(relay: SMTPRelay(host: "127.0.0.1", port: sink.port)))
        let delivery = try await client.send(Self.message())
        #expect(delivery.usedTLS == false)
        let received = try sink.messages()
        try #require(received.count == 1)
        let mail = received[0]
        #expect(mail.from == "nhac-viec@nq57.invalid")
        #expect(mail.to == ["cv.pkt@demo.nq57.invalid"])
        #expect(mail.subject == Self.subject)
        // The body travels in canonical form (CRLF line ends) inside base64.
        #expect(mail.body.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .newlines) == Self.body)
        #expect(mail.headers["Message-ID"] == "<digest-test-1@nq57.invalid>")
        #expect(mail.headers["Date"]?.hasSuffix("+0700") == true)
        #expect(mail.headers["Content-Type"]?.contains("charset=\"utf-8\"") == true || mail.headers["Content-Type"]?.contains("charset=utf-8") == true)
        // The subject travels as encoded words only: no raw UTF-8 in the header block.
        let headerBlock = mail.raw.components(separatedBy: "\r\n\r\n").first ?? mail.raw
        #expect(headerBlock.utf8.allSatisfy { $0 < 0x80 })
        #expect(headerBlock.contains("=?utf-8?B?"))
    }

    @Test func linesStartingWithADotSurviveTheDataPhase() async throws {
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        let client = SMTPClient(configuration: .init(relay: SMTPRelay(host: "127.0.0.1", port: sink.port)))
        let text = "Subject: dots\r\n\r\n.first\r\n..second\r\n.\r\nlast\r\n"
        try await client.send(data: text, from: "a@nq57.invalid", to: ["b@nq57.invalid", "c@nq57.invalid"])
        let mail = try #require(try sink.messages().first)
        #expect(mail.to == ["b@nq57.invalid", "c@nq57.invalid"])
        #expect(mail.raw.replacingOccurrences(of: "\r\n", with: "\n").hasSuffix("\n.first\n..second\n.\nlast\n"))
    }

    @Test func startTLSIsUsedWhenOfferedAndTheCertificateIsTrusted() async throws {
        let folder = NSTemporaryDirectory() + "nq57-tls-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pair = try await SMTPSink.makeCertificate(in: folder)
        let sink = try await SMTPSink.start(certificate: pair.certificate, key: pair.key)
        defer { Task { await sink.stop() } }
        let client = SMTPClient(configuration: .init(relay: SMTPRelay(host: "127.0.0.1", port: sink.port), trustRootsFile: pair.certificate))
        let delivery = try await client.send(Self.message())
        #expect(delivery.usedTLS)
        let mail = try #require(try sink.messages().first)
        #expect(mail.tls)
        #expect(mail.subject == Self.subject)
    }

    @Test func aRelayWhoseCertificateIsNotTrustedGetsNothing() async throws {
        let folder = NSTemporaryDirectory() + "nq57-tls-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pair = try await SMTPSink.makeCertificate(in: folder)
        let sink = try await SMTPSink.start(certificate: pair.certificate, key: pair.key)
        defer { Task { await sink.stop() } }
        // The system's roots do not include the relay's self-signed certificate.
        let client = SMTPClient(configuration: .init(relay: SMTPRelay(host: "127.0.0.1", port: sink.port)))
        await #expect(throws: (any Error).self) { try await client.send(Self.message()) }
        #expect(try sink.messages().isEmpty)
    }

    @Test func aRelayThatIsDownIsAnErrorNotAHang() async throws {
        let sink = try await SMTPSink.start()
        let port = sink.port
        await sink.stop()
        let client = SMTPClient(configuration: .init(relay: SMTPRelay(host: "127.0.0.1", port: port), timeout: .seconds(5)))
        await #expect(throws: (any Error).self) { try await client.send(Self.message()) }
    }
}
