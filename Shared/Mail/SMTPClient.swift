import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// Sends mail through one SMTP relay (RFC 5321): EHLO, STARTTLS when the relay offers it (then
/// EHLO again inside TLS), MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. One connection per
/// message; nothing is kept between messages.
public struct SMTPClient: Sendable {
    /// How to reach the relay.
    public struct Configuration: Sendable {
        /// The relay.
        public var relay: SMTPRelay
        /// The name this client gives in EHLO.
        public var clientName: String
        /// A PEM file of the certificates that may sign the relay's certificate; the system's
        /// roots when nil.
        public var trustRootsFile: String?
        /// Longest one message's whole conversation may take.
        public var timeout: TimeAmount

        /// Creates a configuration.
        public init(relay: SMTPRelay, clientName: String = "nq57", trustRootsFile: String? = nil, timeout: TimeAmount = .seconds(30)) {
            self.relay = relay
            self.clientName = clientName
            self.trustRootsFile = trustRootsFile
            self.timeout = timeout
        }
    }

    /// What happened on one conversation: whether it went through TLS (for tests and logs).
    public struct Delivery: Sendable, Equatable {
        /// Whether STARTTLS was used.
        public var usedTLS: Bool
    }

    let configuration: Configuration
    let group: any EventLoopGroup

    /// A client of the relay in `configuration`.
    public init(configuration: Configuration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    /// Sends `message` to its one recipient.
    @discardableResult
    public func send(_ message: MailMessage) async throws -> Delivery {
        try await send(data: message.rendered, from: message.from, to: [message.to])
    }

    /// Sends `data` (a whole RFC 5322 message, before dot-stuffing) from `from` to `recipients`.
    @discardableResult
    public func send(data: String, from: String, to recipients: [String]) async throws -> Delivery {
        let relay = configuration.relay
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(configuration.timeout)
            .connect(host: relay.host, port: relay.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let timedOut = NIOLockedValueBox(false)
        let watchdog = channel.channel.eventLoop.scheduleTask(in: configuration.timeout) {
            timedOut.withLockedValue { $0 = true }
            channel.channel.close(promise: nil)
        }
        defer { watchdog.cancel() }
        do {
            return try await channel.executeThenClose { inbound, outbound in
                var conversation = SMTPConversation(lines: inbound.makeAsyncIterator(), outbound: outbound)
                try await conversation.expect(220, after: "connect")
                let extensions = try await conversation.command("EHLO \(configuration.clientName)", expect: 250)
                var usedTLS = false
                if extensions.dropFirst().contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) {
                    _ = try await conversation.command("STARTTLS", expect: 220)
                    try await startTLS(on: channel.channel)
                    usedTLS = true
                    _ = try await conversation.command("EHLO \(configuration.clientName)", expect: 250)
                }
                _ = try await conversation.command("MAIL FROM:<\(from)>", expect: 250)
                for recipient in recipients {
                    _ = try await conversation.command("RCPT TO:<\(recipient)>", expect: 250, orAlso: 251)
                }
                _ = try await conversation.command("DATA", expect: 354)
                try await conversation.write(SMTPDataEncoding.encode(data))
                try await conversation.expect(250, after: "DATA")
                _ = try? await conversation.command("QUIT", expect: 221)
                return Delivery(usedTLS: usedTLS)
            }
        } catch {
            if timedOut.withLockedValue({ $0 }) { throw SMTPError.timedOut }
            throw error
        }
    }

    /// Puts TLS under the line decoder, verifying the relay's certificate against the trust roots.
    private func startTLS(on channel: any Channel) async throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = configuration.trustRootsFile { tls.trustRoots = .file(file) }
        let context = try NIOSSLContext(configuration: tls)
        let host = configuration.relay.host
        let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        try await channel.eventLoop.submit {
            let handler = try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
            try channel.pipeline.syncOperations.addHandler(handler, position: .first)
        }.get()
    }
}

/// One SMTP dialogue: commands out, multi-line replies in.
struct SMTPConversation {
    var lines: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    /// Sends `text` as it is.
    mutating func write(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    /// Sends a command line and reads its reply, which must carry `code` (or `other`); returns its lines' texts.
    mutating func command(_ line: String, expect code: Int, orAlso other: Int? = nil) async throws -> [String] {
        try await write(line + "\r\n")
        let verb = String(line.prefix { $0 != " " && $0 != ":" })
        let (got, texts) = try await reply()
        guard got == code || got == other else {
            throw SMTPError.rejected(command: verb, code: got, text: texts.joined(separator: " "))
        }
        return texts
    }

    /// Reads a reply that must carry `code`.
    mutating func expect(_ code: Int, after step: String) async throws {
        let (got, texts) = try await reply()
        guard got == code else { throw SMTPError.rejected(command: step, code: got, text: texts.joined(separator: " ")) }
    }

    /// One reply: lines `250-…` up to the last `250 …`.
    mutating func reply() async throws -> (Int, [String]) {
        var texts: [String] = []
        while true {
            guard let buffer = try await lines.next() else { throw SMTPError.connectionClosed }
            let line = String(buffer: buffer)
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let code = Int(String(decoding: bytes.prefix(3), as: UTF8.self)), (200...599).contains(code) else {
                throw SMTPError.malformedReply(String(line.prefix(200)))
            }
            texts.append(bytes.count > 4 ? String(decoding: bytes.dropFirst(4), as: UTF8.self) : "")
            if bytes.count == 3 || bytes[3] == UInt8(ascii: " ") { return (code, texts) }
            guard bytes[3] == UInt8(ascii: "-") else { throw SMTPError.malformedReply(String(line.prefix(200))) }
        }
    }
}

/// Where mail goes: the SMTP relay in production, anything a test likes.
public protocol MailTransport: Sendable {
    /// Hands `message` on for delivery, or throws why not.
    func deliver(_ message: MailMessage) async throws
}

extension SMTPClient: MailTransport {
    public func deliver(_ message: MailMessage) async throws {
        try await send(message)
    }
}
