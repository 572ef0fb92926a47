import MetricsCore
import NQ57API
import Testing

@Suite("The metrics service's route table")
struct MetricsRoutesTests {
    @Test("the parts together answer exactly the methods of MetricsAPI, none left out and none extra")
    func everyMethodOnce() async throws {
        let fixture = try await MetricsFixture()
        let routes = MetricsService.routes(fixture.context)
        #expect(throws: Never.self) { _ = try routes.checked(against: MetricsAPI.self) }
        #expect(routes.descriptions.map(\.name) == MetricsAPI.methods.map { $0.name }.sorted())
    }
}
