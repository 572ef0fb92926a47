import Foundation
import NQ57API
import NQ57Wire

/// The KPI periods due: the metrics service in production, a fixed list in tests.
public protocol KPIDueSource: Sendable {
    /// Values not yet submitted for a period just ended or ending within 7 days of `day` (yyyy-MM-dd).
    func dueItems(asOf day: String) async throws -> [DueItem]
}

/// Who holds roles at units, and where to mail them: the auth service in production.
public protocol ContactDirectory: Sendable {
    /// Accounts holding any role at `unitIds`, with those roles and their mail settings.
    func contacts(at unitIds: [String]) async throws -> [ReminderContact]
}

/// KPI periods due, from the metrics service's internal socket.
public struct ServiceKPIDueSource: KPIDueSource {
    let metrics: RPCClient

    /// Uses `metrics`, the metrics service's internal socket.
    public init(metrics: RPCClient) { self.metrics = metrics }

    public func dueItems(asOf day: String) async throws -> [DueItem] {
        try await metrics.call(MetricsDueItems.self, MetricsDueItems.Params(asOf: day)).items
    }
}

/// Contacts from the auth service's internal socket, asked in batches.
public struct ServiceContactDirectory: ContactDirectory {
    let auth: RPCClient

    /// Uses `auth`, the auth service's internal socket.
    public init(auth: RPCClient) { self.auth = auth }

    public func contacts(at unitIds: [String]) async throws -> [ReminderContact] {
        var byAccount: [String: ReminderContact] = [:]
        let units = Array(Set(unitIds)).sorted()
        for start in stride(from: 0, to: units.count, by: 1000) {
            let batch = Array(units[start..<min(units.count, start + 1000)])
            for contact in try await auth.call(AuthContacts.self, AuthContacts.Params(unitIds: batch)).contacts {
                if var known = byAccount[contact.accountId] {
                    known.grants += contact.grants
                    byAccount[contact.accountId] = known
                } else {
                    byAccount[contact.accountId] = contact
                }
            }
        }
        return byAccount.values.sorted { $0.username < $1.username }
    }
}
