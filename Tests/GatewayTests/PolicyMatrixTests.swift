import NQ57API
import NQ57Wire
import Testing
@testable import GatewayCore

/// Every method of the API × every role × where the call's unit is relative to the
/// caller's (own, below, sibling, above) and anonymous: allowed, or refused with the right
/// code, exactly as the method's policy says. The expectation is computed here from the
/// policy's meaning, independently of `AccessPolicy.permits`.
struct PolicyMatrixTests {
    enum Relation: CaseIterable { case own, below, sibling, above }

    // The caller holds its role at xã Bình Tân; the call is about one of these.
    static let callerUnit = "/vn/vn-75/vn-75-25246/"
    static let target: [Relation: (id: String, path: String)] = [
        .own: ("vn-75-25246", "/vn/vn-75/vn-75-25246/"),
        .below: ("vn-75-25246-vpdu", "/vn/vn-75/vn-75-25246/vn-75-25246-vpdu/"),
        .sibling: ("vn-75-25195", "/vn/vn-75/vn-75-25195/"),
        .above: ("vn-75", "/vn/vn-75/"),
    ]

    static var everyMethod: [any APIMethod.Type] {
        APICatalog.system + APICatalog.gateway + ServiceName.allCases.flatMap { APICatalog.methods(of: $0) }
    }

    /// What the policy means, written out.
    static func expected(_ policy: AccessPolicy, role: Role?, relation: Relation) -> ErrorCode? {
        switch policy.scope {
        case .public: return nil
        case .internal: return .permissionDenied
        default: break
        }
        guard let role else { return .unauthenticated }
        switch policy.scope {
        case .authenticated: return nil
        case .anywhere: return policy.roles.contains(role) ? nil : .permissionDenied
        case .ownUnit: return policy.roles.contains(role) && relation == .own ? nil : .permissionDenied
        case .unitOrAbove: return policy.roles.contains(role) && (relation == .own || relation == .below) ? nil : .permissionDenied
        case .public, .internal: return nil
        }
    }

    static func decision<M: APIMethod>(_ method: M.Type, role: Role?, relation: Relation) -> ErrorCode? {
        let caller = role.map { Caller(account: "acc-1", username: "u", session: "s", grants: [Grant(role: $0, unitId: "vn-75-25246", unitPath: callerUnit)]) }
            ?? .anonymous
        let target = Self.target[relation]!
        let unitId = M.policy.unitField == nil ? nil : target.id
        do {
            _ = try AccessGuard.decide(M.policy, Admission(caller: caller), unitId: unitId, unitPath: unitId == nil ? nil : target.path)
            return nil
        } catch let error as RPCError {
            return error.code
        } catch {
            return .internal
        }
    }

    @Test("Every method × every role × own, below, sibling, above, and anonymous")
    func matrix() {
        var cases = 0
        for method in Self.everyMethod {
            for role in [nil] + Role.allCases.map(Optional.some) {
                for relation in Relation.allCases {
                    let got = Self.decision(method, role: role, relation: relation)
                    let want = Self.expected(method.policy, role: role, relation: relation)
                    #expect(got == want, "\(method.name) as \(role?.rawValue ?? "anonymous") on \(relation): got \(String(describing: got)), want \(String(describing: want))")
                    cases += 1
                }
            }
        }
        #expect(cases == Self.everyMethod.count * 7 * 4)
    }

    @Test("Unit-scoped policies name a unit field that the method's params really have")
    func unitFieldsExist() {
        for method in Self.everyMethod {
            guard let field = method.policy.unitField else { continue }
            let shape = MethodDescription(methodType: method).params
            guard case .object(_, let fields) = shape else {
                Issue.record("\(method.name): params are not an object")
                continue
            }
            #expect(fields.contains { $0.name == field && !$0.optional }, "\(method.name): no required field \(field)")
        }
    }

    @Test("Admin-only and internal methods are what they should be")
    func spotChecks() {
        #expect(AuthKeys.policy.scope == .internal)
        #expect(AuthRevocations.policy.scope == .internal)
        #expect(AuthAuditAppend.policy.scope == .internal)
        #expect(AuthLogin.policy.scope == .public)
        #expect(AuthAuditList.policy.roles.sorted() == [.inspector, .admin])
        #expect(SysLoopback.policy.roles == [.admin])
    }
}

extension MethodDescription {
    /// Describes a method given as an existential.
    init(methodType: any APIMethod.Type) {
        func open<M: APIMethod>(_ method: M.Type) -> MethodDescription { MethodDescription(method) }
        self = open(methodType)
    }
}
