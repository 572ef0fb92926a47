import Logging
import NIOCore
import NIOPosix
import Testing
@testable import NQ57API
@testable import NQ57Wire

/// A service's router, driven without a socket: typed params, the errors a caller gets for
/// the wrong shape, the bulk rules, and the description generated from the same types.
struct MethodRouterTests {
    /// A method with a required and an optional field, for the tests.
    enum Greet: APIMethod {
        static let name = "test.greet"
        static let summary = "Greets a unit."
        static let policy = AccessPolicy.open
        struct Params: Codable, Sendable, ShapeDocumented {
            var unitCode: String
            var times: Int?
            static var fieldDocs: [String: String] { ["unitCode": "5-digit unit code", "times": "how many times"] }
        }
        struct Result: Codable, Sendable, Equatable { var text: String; var caller: String? }
    }

    private let loop = MultiThreadedEventLoopGroup.singleton.next()

    private func router() -> MethodRouter {
        var routes = MethodRoutes()
        routes.on(Greet.self) { params, context in
            Greet.Result(text: String(repeating: "Xin chào \(params.unitCode). ", count: params.times ?? 1),
                         caller: context.caller.account)
        }
        return MethodRouter(service: "test", routes: routes)
    }

    private func call(_ method: String, _ params: String, caller: String? = nil, bulk: ByteBuffer? = nil) async throws
        -> Result<RawJSON, RPCError> {
        let request = RequestEnvelope(id: MessageID(1), method: method, params: try RawJSON(params),
                                      caller: try caller.map { try RawJSON($0) }, bulk: bulk)
        return try await router().handle(request, context: RequestContext(eventLoop: loop, logger: Logger(label: "t"))).get().outcome
    }

    @Test("Typed params in, typed result out, with the caller the gateway vouched for")
    func typed() async throws {
        let outcome = try await call("test.greet", #"{"unitCode":"25246","times":2}"#, caller: #"{"account":"u-1"}"#)
        let result = try outcome.get().decode(Greet.Result.self)
        #expect(result == Greet.Result(text: "Xin chào 25246. Xin chào 25246. ", caller: "u-1"))
    }

    @Test("The wrong shape gets invalid_argument naming the field", arguments: [
        (#"{}"#, "unitCode", "missing"),
        (#"{"unitCode":25246}"#, "unitCode", "type"),
        (#"{"unitCode":null}"#, "unitCode", "null"),
        (#"{"unitCode":"25246","times":"two"}"#, "times", "type"),
    ])
    func wrongShape(params: String, field: String, problem: String) async throws {
        let outcome = try await call("test.greet", params)
        guard case .failure(let error) = outcome else {
            Issue.record("accepted \(params)")
            return
        }
        #expect(error.code == .invalidArgument)
        #expect(error.details?["field"] == field)
        #expect(error.details?["problem"] == problem)
        #expect(error.message.contains(field))
    }

    @Test("A caller that is not a caller object is refused")
    func badCaller() async throws {
        let outcome = try await call("test.greet", #"{"unitCode":"1"}"#, caller: #"{"account":5}"#)
        guard case .failure(let error) = outcome else {
            Issue.record("accepted a malformed caller")
            return
        }
        #expect(error.code == .invalidArgument)
    }

    @Test("Bulk bytes for a method that takes none are refused; unknown methods are not_found")
    func bulkAndUnknown() async throws {
        let bulk = try await call("test.greet", #"{"unitCode":"1"}"#, bulk: ByteBuffer(bytes: [1]))
        guard case .failure(let bulkError) = bulk else {
            Issue.record("accepted bulk")
            return
        }
        #expect(bulkError.code == .invalidArgument)
        let unknown = try await call("test.nothing", "{}")
        guard case .failure(let unknownError) = unknown else {
            Issue.record("answered an unknown method")
            return
        }
        #expect(unknownError.code == .notFound)
        #expect(unknownError.details?["method"] == "test.nothing")
    }

    @Test("sys.describe lists the methods with shapes generated from their types")
    func describe() async throws {
        let outcome = try await call("sys.describe", "{}")
        let description = try outcome.get().decode(ServiceDescription.self)
        #expect(description.methods.map(\.name) == ["sys.describe", "test.greet"])
        let greet = try #require(description.methods.first { $0.name == "test.greet" })
        guard case .object(_, let fields) = greet.params else {
            Issue.record("params is not an object")
            return
        }
        #expect(fields.map(\.name) == ["unitCode", "times"])
        #expect(fields.map(\.optional) == [false, true])
        #expect(fields.first?.doc == "5-digit unit code")

        let one = try await call("sys.describe", #"{"method":"test.greet"}"#)
        #expect(try one.get().decode(ServiceDescription.self).methods.count == 1)
        guard case .failure(let error) = try await call("sys.describe", #"{"method":"test.none"}"#) else {
            Issue.record("described a method that does not exist")
            return
        }
        #expect(error.code == .notFound)
    }

    @Test("Every method in the catalog is documented field by field")
    func catalogIsDocumented() {
        for method in APICatalog.system + APICatalog.gateway + ServiceName.allCases.flatMap({ APICatalog.methods(of: $0) }) {
            let description = describe(method)
            for shape in [description.params, description.result] {
                guard case .object(let name, let fields) = shape else { continue }
                for field in fields {
                    #expect(field.doc != nil, "\(description.name): \(name).\(field.name) has no doc")
                }
            }
        }
    }

    private func describe<M: APIMethod>(_ method: M.Type) -> MethodDescription { MethodDescription(method) }
}
