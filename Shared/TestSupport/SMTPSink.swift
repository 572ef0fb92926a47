import Foundation

/// A local SMTP server for tests: Python's aiosmtpd on 127.0.0.1 (a free port), started in a
/// temporary folder, writing each message it accepts to a JSON file there, parsed by Python's
/// own `email` package (so what a test reads is what a real mail reader would show). With a
/// certificate it offers STARTTLS. Needs `pip install aiosmtpd` (`.ci/run` does it).
public final class SMTPSink: Sendable {
    /// Where the messages are written.
    public let folder: String
    /// The port it listens on.
    public let port: Int
    let process: ChildProcess

    /// The address for `NQ57_SMTP_URL`.
    public var url: String { "smtp://127.0.0.1:\(port)" }

    /// Starts a sink; with `certificate` and `key` (PEM files) it offers STARTTLS.
    public static func start(certificate: String? = nil, key: String? = nil) async throws -> SMTPSink {
        let folder = NSTemporaryDirectory() + "nq57-smtp-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var arguments = ["python3", "-c", script, folder]
        if let certificate, let key { arguments += [certificate, key] }
        let process = try await ChildProcess("/usr/bin/env", arguments)
        let portFile = "\(folder)/port"
        // Python and aiosmtpd start in well under a second here, but tens of seconds on a machine busy with builds.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text) {
                return SMTPSink(folder: folder, port: port, process: process)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.signal(SIGKILL)
        _ = await process.waitForExit()
        throw SMTPSinkError(message: "the SMTP sink did not start (is aiosmtpd installed?): \(process.stderr)")
    }

    private init(folder: String, port: Int, process: ChildProcess) {
        self.folder = folder
        self.port = port
        self.process = process
    }

    /// The messages received so far, in the order they arrived.
    public func messages() throws -> [ReceivedMail] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            try JSONDecoder().decode(ReceivedMail.self, from: Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)")))
        }
    }

    /// Stops the server and removes its folder.
    public func stop() async {
        process.signal(SIGTERM)
        if await process.waitForExit(timeout: 10) == nil {
            process.signal(SIGKILL)
            _ = await process.waitForExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A self-signed certificate for 127.0.0.1 and localhost, made by the `openssl` command in
    /// `folder`: (certificate, key) paths.
    public static func makeCertificate(in folder: String) async throws -> (certificate: String, key: String) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let certificate = "\(folder)/relay-cert.pem"
        let key = "\(folder)/relay-key.pem"
        let result = try await ChildProcess.run("/usr/bin/env", [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ])
        guard result.status == 0 else { throw SMTPSinkError(message: "openssl failed: \(result.stderr)") }
        return (certificate, key)
    }

    /// The server: one JSON file per message, written whole then renamed.
    static let script = #"""
import asyncio, email, email.policy, json, os, signal, ssl, sys
from aiosmtpd.smtp import SMTP

folder = sys.argv[1]
context = None
if len(sys.argv) > 3:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(sys.argv[2], sys.argv[3])

class Handler:
    def __init__(self):
        self.count = 0
    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        raw = envelope.content if isinstance(envelope.content, bytes) else envelope.content.encode()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "from": envelope.mail_from, "to": list(envelope.rcpt_tos), "tls": session.ssl is not None,
            "raw": raw.decode("utf-8", "replace"),
            "subject": str(message["subject"] or ""),
            "headers": {name: str(value) for name, value in message.items()},
            "body": message.get_content() if not message.is_multipart() else "",
        }
        path = os.path.join(folder, "%06d.json" % self.count)
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.rename(path + ".tmp", path)
        return "250 OK"

async def main():
    loop = asyncio.get_running_loop()
    handler = Handler()
    server = await loop.create_server(
        lambda: SMTP(handler, tls_context=context, require_starttls=False, hostname="sink.nq57.invalid"), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    with open(os.path.join(folder, "port.tmp"), "w") as out:
        out.write(str(port))
    os.rename(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    server.close()

asyncio.run(main())
"""#
}

/// One message as the sink received and parsed it.
public struct ReceivedMail: Decodable, Sendable {
    /// MAIL FROM.
    public var from: String
    /// RCPT TO, every one.
    public var to: [String]
    /// Whether it came over STARTTLS.
    public var tls: Bool
    /// The message as received (after the server undid dot-stuffing).
    public var raw: String
    /// The subject, decoded.
    public var subject: String
    /// Every header, decoded.
    public var headers: [String: String]
    /// The body, decoded.
    public var body: String
}

/// The sink could not be started.
public struct SMTPSinkError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
