import Foundation
import MetricsRules
import NQ57API
import NQ57Reports
import NQ57Wire
import TasksRules

/// Answers API calls from canned results, by method name, and records what was asked.
final class CannedReader: APIReader, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: any Sendable] = [:]
    private(set) var asked: [(method: String, params: String)] = []

    func answer<M: APIMethod>(_ method: M.Type, with result: M.Result) {
        lock.lock()
        defer { lock.unlock() }
        answers[M.name] = result
    }

    func call<M: APIMethod>(_ method: M.Type, _ params: M.Params) async throws -> M.Result {
        let encoded = String(decoding: try JSONEncoder().encode(params), as: UTF8.self)
        guard let result = record(M.name, encoded) as? M.Result else { throw RPCError(.notFound, "no canned answer for \(M.name)") }
        return result
    }

    /// Notes the call and finds its answer, under the lock (a synchronous step, as locks require).
    private func record(_ method: String, _ params: String) -> (any Sendable)? {
        lock.lock()
        defer { lock.unlock() }
        asked.append((method, params))
        return answers[method]
    }
}

/// The Bình Tân commune of the tests: a commune, one of its departments, and the province above.
enum BinhTan {
    static let commune = "vn-75-25349"
    static let department = "vn-75-25349-vhxh"

    static let units = AuthUnitsList.Result(units: [
        unit(commune, "Xã Bình Tân", parent: "vn-75"),
        unit(department, "Phòng Văn hóa - Xã hội", parent: commune),
    ])

    static func unit(_ id: String, _ name: String, parent: String) -> UnitInfo {
        UnitInfo(id: id, code: nil, kind: .commune, parentId: parent, path: id, name: name, names: [])
    }

    static func task(_ id: String, state: TaskStatus, lead: String = department, deadline: String? = "2026-11-30",
                     claims: [ClaimInfo] = [], flags: [FlagInfo] = []) -> TaskInfo {
        TaskInfo(id: id, planId: "kh-27", groupCode: "I", title: "Nhiệm vụ \(id)", leadUnitId: lead, cooperatingUnitIds: [], output: nil,
                 timeText: "Quý IV năm 2026", deadline: deadline, recurrence: nil, assignedOn: "2026-01-05", state: state, percent: 40,
                 overdue: false, flags: flags, claims: claims)
    }
}
