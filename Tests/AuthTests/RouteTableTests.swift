import NQ57API
import Testing
@testable import AuthCore

/// Issue 14: each part of the auth service registers its own methods; together they handle
/// exactly the methods of `AuthAPI`, so the service starts (no method lost in the split).
@Suite struct RouteTableTests {
    @Test("The parts' registrations together are exactly AuthAPI's list")
    func partsCoverTheList() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let names = try fixture.authority.routes.checked(against: AuthAPI.self).descriptions.map(\.name)
        #expect(Set(names) == Set(AuthAPI.methods.map { $0.name }))
        #expect(names.count == AuthAPI.methods.count)
    }
}
