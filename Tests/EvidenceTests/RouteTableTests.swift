import NQ57API
import Testing
@testable import EvidenceCore

/// Issue 14: each part of the evidence service registers its own methods; together they
/// handle exactly the methods of `EvidenceAPI`, so the service starts (no method lost or
/// registered twice in the split).
@Suite struct RouteTableTests {
    @Test("The parts' registrations together are exactly EvidenceAPI's list")
    func partsCoverTheList() throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let names = try fixture.authority.routes.checked(against: EvidenceAPI.self).descriptions.map(\.name)
        #expect(Set(names) == Set(EvidenceAPI.methods.map { $0.name }))
        #expect(names.count == EvidenceAPI.methods.count)
    }
}
