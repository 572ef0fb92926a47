@testable import GatewayWeb
import NQ57Wire
import Testing

/// The HTTP side answers only to its own address and the names it is published under (against DNS rebinding).
@Suite("Allowed hosts")
struct AllowedHostsTests {
    @Test("A loopback listener answers to its address, localhost and 127.0.0.1 on its port only")
    func loopback() {
        let hosts = AllowedHosts(configured: [])
        #expect(!hosts.allows("127.0.0.1:8080"), "nothing before the address is known")
        hosts.listening(host: "127.0.0.1", port: 8080)
        #expect(hosts.allows("127.0.0.1:8080") && hosts.allows("LOCALHOST:8080") && hosts.allows("[::1]:8080"))
        #expect(!hosts.allows("localhost:8081"))
        #expect(!hosts.allows("attacker.example:8080"))
        #expect(!hosts.allows(nil) && !hosts.allows(""))
    }

    @Test("Configured names (NQ57_HTTP_HOSTS) are allowed on any port, case-insensitively; others are not")
    func configuredNames() {
        let hosts = AllowedHosts(configured: [" nq57.dongnai.gov.vn ", " ", "Intranet:8443"])
        hosts.listening(host: "10.0.0.5", port: 8080)
        #expect(hosts.allows("nq57.dongnai.gov.vn") && hosts.allows("NQ57.DongNai.gov.vn:443"))
        #expect(hosts.allows("intranet:8443") && !hosts.allows("intranet:9000"))
        #expect(hosts.allows("10.0.0.5:8080") && !hosts.allows("localhost:8080"), "no loopback names for a public address")
        #expect(!hosts.allows("dongnai.gov.vn") && !hosts.allows("evil.nq57.dongnai.gov.vn"))
    }

    @Test("Every wire error code has its HTTP status", arguments: ErrorCode.allCases)
    func statusOfEveryCode(code: ErrorCode) {
        let status = HTTPStatusMapping.status(of: code).code
        #expect((400..<600).contains(status))
        #expect((status >= 500) == [.internal, .unavailable, .deadlineExceeded].contains(code), "only server-side failures are 5xx")
    }
}
