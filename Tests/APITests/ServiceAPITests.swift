import Testing
@testable import NQ57API

/// A service's route table is checked against its one method list before it serves: a
/// handler forgotten or a method left out of the list stops the start with both named.
struct ServiceAPITests {
    enum Ping: APIMethod {
        static let name = "tasks.ping"
        static let summary = "Answers."
        static let policy = AccessPolicy.open
        typealias Params = Empty
        typealias Result = Empty
    }

    enum Pong: APIMethod {
        static let name = "tasks.pong"
        static let summary = "Answers too."
        static let policy = AccessPolicy.open
        typealias Params = Empty
        typealias Result = Empty
    }

    enum PingOnly: ServiceAPI {
        static let service = ServiceName.tasks
        static let methods: [any APIMethod.Type] = [Ping.self]
    }

    enum PingAndPong: ServiceAPI {
        static let service = ServiceName.tasks
        static let methods: [any APIMethod.Type] = [Ping.self, Pong.self]
    }

    @Test("A table that handles exactly the listed methods passes, sys.* aside")
    func exactTablePasses() throws {
        var routes = MethodRoutes()
        routes.on(Ping.self) { _, _ in Empty() }
        routes.onLoop(SysMetrics.self) { _, _ in Answer(SysMetrics.Result(text: "")) }
        #expect(try routes.checked(against: PingOnly.self).descriptions.map(\.name) == ["sys.metrics", "tasks.ping"])
    }

    @Test("A listed method without a handler and a handler for an unlisted method are both named")
    func mismatchNamesBoth() {
        var routes = MethodRoutes()
        routes.on(Pong.self) { _, _ in Empty() }
        #expect(throws: RouteTableMismatch(service: "tasks", missing: ["tasks.ping"], unlisted: ["tasks.pong"])) {
            try routes.checked(against: PingOnly.self)
        }
        var half = MethodRoutes()
        half.on(Ping.self) { _, _ in Empty() }
        #expect(throws: RouteTableMismatch(service: "tasks", missing: ["tasks.pong"], unlisted: [])) {
            try half.checked(against: PingAndPong.self)
        }
    }

    @Test("Every service's list names only methods of that service, each once")
    func listsBelongToTheirService() {
        for service in ServiceName.allCases {
            let names = APICatalog.methods(of: service).map { $0.name }
            #expect(Set(names).count == names.count, "\(service) lists a method twice")
            for name in names { #expect(ServiceName.owner(of: name) == service, "\(name) listed under \(service)") }
        }
    }
}
