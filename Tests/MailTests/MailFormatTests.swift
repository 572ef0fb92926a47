import Foundation
import NQ57Mail
import Testing

/// What goes on the wire, checked without a server.
@Suite struct MailFormatTests {
    @Test func dataIsDotStuffedAndTerminated() {
        #expect(SMTPDataEncoding.encode("a\n.b\n..c\n.\nd") == "a\r\n..b\r\n...c\r\n..\r\nd\r\n.\r\n")
        #expect(SMTPDataEncoding.encode("a\r\nb\r\n") == "a\r\nb\r\n.\r\n")
        // A bare CR cannot end the data early either.
        #expect(SMTPDataEncoding.encode("x\r.\ry") == "x\r\n..\r\ny\r\n.\r\n")
    }

    @Test func subjectsAreEncodedWordsOfAtMost75CharactersWithoutSplittingACharacter() throws {
        #expect(EncodedWord.encode("Plain ASCII") == "Plain ASCII")
        let subject = String(repeating: "Nhắc việc quá hạn — Ủy ban ", count: 6)
        let words = EncodedWord.encode(subject).components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        var decoded = Data()
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
            let payload = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            // Each word decodes to whole characters on its own.
            #expect(String(data: payload, encoding: .utf8) != nil)
            decoded.append(payload)
        }
        #expect(String(decoding: decoded, as: UTF8.self) == subject)
        // A header cannot be split by a line break someone put in a title.
        #expect(!EncodedWord.encode("a\r\nBcc: x@y").contains("\nBcc"))
    }

    @Test func relayAddressesAreRead() {
        #expect(SMTPRelay(url: "smtp://relay.dc.dongnai.gov.vn:587") == SMTPRelay(host: "relay.dc.dongnai.gov.vn", port: 587))
        #expect(SMTPRelay(url: "smtp://10.0.0.5") == SMTPRelay(host: "10.0.0.5", port: 25))
        #expect(SMTPRelay(url: "smtp://[::1]:2525") == SMTPRelay(host: "::1", port: 2525))
        #expect(SMTPRelay(url: "http://relay:25") == nil)
        #expect(SMTPRelay(url: "smtp://relay:0") == nil)
        #expect(SMTPRelay(url: "smtp://relay:abc") == nil)
        #expect(SMTPRelay(url: "smtp://user@relay:25") == nil)
        #expect(SMTPRelay(url: "smtp://") == nil)
    }

    @Test func theDateHeaderIsInVietnamsOffset() {
        // 2026-12-07 00:00:00 UTC is 07:00 in Vietnam, a Monday.
        #expect(MailDate.format(Date(timeIntervalSince1970: 1_796_601_600)) == "Mon, 07 Dec 2026 07:00:00 +0700")
    }
}
