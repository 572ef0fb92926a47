import NQ57API
import Testing
@testable import TasksCore

/// Declare once, register once: the service's route table is built from the parts that
/// implement the methods, and matches `TasksAPI` exactly.
@Suite struct RoutesTests {
    @Test("every method of TasksAPI is registered, once, and nothing else")
    func routesMatchTheAPI() throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let routes = try TasksService.routes(fixture.context).checked(against: TasksAPI.self)
        #expect(routes.descriptions.map(\.name) == TasksAPI.methods.map { $0.name }.sorted())
    }
}
