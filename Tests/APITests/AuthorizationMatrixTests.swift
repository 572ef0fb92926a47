import NQ57API
import NQ57Wire
import Testing

/// Who may call what, written out by hand as a table (method × role × where the role is held),
/// not derived from the methods' policies: a policy that drifts from this table fails here.
/// The decision checked is `AccessPolicy.admit`, the one the gateway makes on every call and
/// every backend makes again.
@Suite struct AuthorizationMatrixTests {
    /// Columns: anonymous, logged in without roles, staff, head, reviewer, steering, inspector,
    /// admin. `y` allowed for anyone in that column; `A` allowed when the role is held at the
    /// unit the call names or above it (not below it, not at a sibling); `E` allowed wherever
    /// the role is held; `O` allowed only when the role is held at the unit the call names itself;
    /// `.` refused; `internal` refused to every client of the gateway.
    static let table: [String: String] = [
        "sys.health": "yyyyyyyy", "sys.describe": "yyyyyyyy", "sys.metrics": "yyyyyyyy", "sys.loopback": ".......E",
        "sys.vocabulary": "yyyyyyyy",

        "auth.login": "yyyyyyyy", "auth.refresh": "yyyyyyyy",
        "auth.logout": ".yyyyyyy", "auth.whoami": ".yyyyyyy", "auth.units.list": "yyyyyyyy",
        "auth.units.create": ".......A", "auth.units.rename": ".......A", "auth.users.add": ".......A",
        // Merge is checked at `into` here; the auth service then requires admin over every merged unit (UnitChangeTests), as split does over each successor.
        "auth.units.merge": ".......A", "auth.units.split": ".......A", "auth.units.tree": "yyyyyyyy", "auth.units.get": "yyyyyyyy",
        "auth.users.grant": ".......A", "auth.users.revoke": ".......A", "auth.users.list": "......AA",
        "auth.audit.list": "......AA", "auth.changePassword": ".yyyyyyy",
        // Names an account, not a unit: admins anywhere pass the door; the auth service then
        // refuses accounts outside the admin's subtree (AdminScopeTests).
        "auth.users.resetPassword": ".......E",
        "auth.keys": "internal", "auth.loginWithIdentity": "internal", "auth.revocations": "internal", "auth.audit.append": "internal",
        // Each person's own mail settings: no unit, no role needed.
        "auth.mail.get": ".yyyyyyy", "auth.mail.set": ".yyyyyyy", "auth.contacts": "internal",

        "tasks.plans.create": "....A..A", "tasks.create": "....A..A", "tasks.setDeadline": "...AAA..",
        "tasks.plans.list": "..AAAAAA", "tasks.get": "..AAAAAA", "tasks.history": "..AAAAAA", "tasks.list": "..AAAAAA",
        "tasks.flags": "..AAAAAA", "tasks.scores": "..AAAAAA", "tasks.dashboard": "..AAAAAA", "tasks.overview": "..AAAAAA",
        "tasks.progress": "..AA....", "tasks.claim": "..AA....", "tasks.submit": "...A....", "tasks.review": "....A...",
        "tasks.public": "yyyyyyyy",
        "tasks.programmes.list": "yyyyyyyy", "tasks.programmes.create": ".....A.A",
        "tasks.plans.link": "....AA..", "tasks.plans.unlink": "....AA..", "tasks.plans.ofTask": "..AAAAAA",
        // Each person reads and marks only their own reminders (the service filters by account).
        "tasks.reminders.list": ".yyyyyyy", "tasks.reminders.markRead": ".yyyyyyy", "tasks.reminders.run": ".......E",
        // Leaders and inspectors ask a unit at or below them; only the head of the unit asked answers (O: at the unit itself).
        "tasks.explanations.request": ".....AA.", "tasks.explanations.answer": "...O....", "tasks.explanations.list": "..AAAAAA",
        // The review queue of a subtree: whoever reads the subtree lists it; each item says whether the caller may decide it.
        "tasks.reviewQueue": "..AAAAAA",
        // Việc của tôi: staff and heads wherever they hold the role; the service keeps to the units of their grants.
        "tasks.myWork": "..EE....",
        // Comments between the unit and its reviewers: written by staff, head or reviewer at or above the unit, read by its readers.
        "tasks.comments.add": "..AAA...", "tasks.comments.list": "..AAAAAA",

        "evidence.uploadStart": "..AA....", "evidence.uploadChunk": "..AA....", "evidence.uploadFinish": "..AA....",
        "evidence.uploadAbort": "..AA....", "evidence.requestPublication": "..AA....",
        "evidence.decidePublication": "...AA...", "evidence.withdrawPublication": "...AA...",
        "evidence.info": "..AAAAAA", "evidence.read": "..AAAAAA", "evidence.prove": "..AAAAAA",
        "evidence.scrub": ".......A", "evidence.readPublic": "yyyyyyyy",
        "evidence.logHead": "yyyyyyyy", "evidence.logKey": "yyyyyyyy", "evidence.consistency": "yyyyyyyy",
        "evidence.logReview": "internal", "evidence.limits": ".yyyyyyy",
        "evidence.attached": "..AAAAAA", "evidence.detach": "..AA....", "evidence.reviewQueue": "..AAAAAA",

        "metrics.indicators.create": "....A..A", "metrics.targets.set": "....A..A",
        "metrics.indicators.list": "..AAAAAA", "metrics.indicators.get": "..AAAAAA",
        "metrics.report": "..AA....", "metrics.submit": "...A....", "metrics.review": "....A...",
        "metrics.history": "..AAAAAA", "metrics.rollup": "..AAAAAA", "metrics.series": "..AAAAAA", "metrics.compare": "..AAAAAA",
        "metrics.dashboard": "..AAAAAA", "metrics.trend": "..AAAAAA", "metrics.flags": "..AAAAAA", "metrics.export": "..AAAAAA",
        "metrics.public": "yyyyyyyy", "metrics.dueItems": "internal", "metrics.reviewQueue": "..AAAAAA",
        "metrics.myWork": "..EE....", "metrics.comments.add": "..AAA...", "metrics.comments.list": "..AAAAAA",
    ]

    static let roles: [Role] = [.staff, .head, .reviewer, .steering, .inspector, .admin]
    /// The unit every call names (xã Bình Tân), and where a role may be held relative to it.
    static let target = "/vn/vn-75/vn-75-25246/"
    static let places: [(name: String, path: String, reaches: Bool)] = [
        ("at the unit", target, true), ("above it", "/vn/vn-75/", true),
        ("below it", "/vn/vn-75/vn-75-25246/vn-75-25246-pkt/", false), ("at a sibling", "/vn/vn-75/vn-75-25195/", false),
    ]

    static var everyMethod: [any APIMethod.Type] { APICatalog.system + APICatalog.gateway + ServiceName.allCases.flatMap { APICatalog.methods(of: $0) } }

    static func allowed(_ policy: AccessPolicy, _ caller: Caller, at checkpoint: PolicyCheckpoint = .gateway) -> Bool {
        let unitId = policy.unitField == nil ? nil : "vn-75-25246"
        return (try? policy.admit(caller, unitId: unitId, unitPath: unitId == nil ? nil : target, at: checkpoint)) != nil
    }

    @Test("every method of the catalog has a row in the table, and every row names a method")
    func tableCoversTheCatalog() {
        let names = Set(Self.everyMethod.map { $0.name })
        #expect(names.subtracting(Self.table.keys).sorted() == [], "methods without a row")
        #expect(Set(Self.table.keys).subtracting(names).sorted() == [], "rows without a method")
    }

    @Test("each method admits exactly the callers its row says, wherever the role is held", arguments: everyMethod.map { $0.name })
    func row(_ name: String) throws {
        let row = try #require(Self.table[name])
        let policy = try #require(APICatalog.policy(of: name))
        let account = Caller(account: "acc", username: "user", session: "s")
        if row == "internal" {
            #expect(!Self.allowed(policy, .anonymous), "\(name): anonymous at the gateway")
            for role in Self.roles {
                let caller = Caller(account: "acc", username: "user", session: "s",
                                    grants: [Grant(role: role, unitId: "vn", unitPath: "/vn/")])
                #expect(!Self.allowed(policy, caller), "\(name): \(role) at the root")
                #expect(!Self.allowed(policy, caller, at: .backend), "\(name): a person's call reaching a backend")
            }
            #expect(!Self.allowed(policy, .anonymous, at: .backend), "\(name): an anonymous call forwarded by the gateway")
            #expect(Self.allowed(policy, .anonymous, at: .service), "\(name): another service's call, naming no caller")
            return
        }
        let columns = Array(row)
        try #require(columns.count == 8, "\(name): the row needs 8 columns")
        #expect(Self.allowed(policy, .anonymous) == (columns[0] == "y"), "\(name): anonymous")
        #expect(Self.allowed(policy, account) == (columns[1] == "y"), "\(name): logged in without roles")
        for (index, role) in Self.roles.enumerated() {
            let mark = columns[index + 2]
            for place in Self.places {
                let caller = Caller(account: "acc", username: "user", session: "s",
                                    grants: [Grant(role: role, unitId: "u", unitPath: place.path)])
                let expected = mark == "y" || mark == "E" || (mark == "A" && place.reaches) || (mark == "O" && place.path == Self.target)
                #expect(Self.allowed(policy, caller) == expected, "\(name): \(role) held \(place.name)")
                #expect(Self.allowed(policy, caller, at: .backend) == expected, "\(name): \(role) held \(place.name), re-checked by the backend")
            }
        }
    }
}
