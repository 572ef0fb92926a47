import NQ57API
import NQ57Wire

extension EvidenceLookup {
    /// Checks that every id names a stored, intact file of the unit at `unitPath` or a unit
    /// below it, as a claim or a report needs: at least one, none corrupt, none taken off its draft,
    /// none of another unit.
    public func requireIntact(_ ids: [String], unitId: String, unitPath: String, caller: Caller, units: any UnitLookup,
                              what: String) async throws {
        guard !ids.isEmpty else {
            throw RPCError(.invalidArgument, "\(what) phải kèm ít nhất một minh chứng.", details: ["field": "evidenceIds"])
        }
        for file in try await files(ids, unitId: unitId, caller: caller) {
            guard let path = try await units.path(of: file.unitId), path.hasPrefix(unitPath) else {
                throw RPCError(.invalidArgument, "Minh chứng \(file.id) thuộc đơn vị khác (\(file.unitId)).", details: ["field": "evidenceIds"])
            }
            guard file.detachedAt == nil else {
                throw RPCError(.failedPrecondition, "Minh chứng \(file.id) đã được bỏ khỏi bản nháp; hãy chọn tệp đang có trong bản nháp.",
                               details: ["field": "evidenceIds"])
            }
            guard file.status == .ok else {
                throw RPCError(.failedPrecondition, "Minh chứng \(file.id) bị hỏng trong kho lưu trữ; hãy tải lại.", details: ["field": "evidenceIds"])
            }
        }
    }
}
