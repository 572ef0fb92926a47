extension LogEntry: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, evidenceId, sha256, size, unitId, at, decision, reviewer, status, foundBy, move, state, by, reason
    }

    /// Decodes `{"kind":"stored",…}`, `"review"`, `"integrity"` or `"publication"`; any other kind is an error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "stored":
            self = .stored(
                evidenceId: try container.decode(String.self, forKey: .evidenceId),
                sha256: try container.decode(String.self, forKey: .sha256),
                size: try container.decode(Int64.self, forKey: .size),
                unitId: try container.decode(String.self, forKey: .unitId),
                at: try container.decode(Int64.self, forKey: .at))
        case "review":
            self = .review(
                evidenceId: try container.decode(String.self, forKey: .evidenceId),
                decision: try container.decode(String.self, forKey: .decision),
                reviewer: try container.decode(String.self, forKey: .reviewer),
                at: try container.decode(Int64.self, forKey: .at))
        case "integrity":
            self = .integrity(
                evidenceId: try container.decode(String.self, forKey: .evidenceId),
                sha256: try container.decode(String.self, forKey: .sha256),
                status: try container.decode(String.self, forKey: .status),
                foundBy: try container.decode(String.self, forKey: .foundBy),
                at: try container.decode(Int64.self, forKey: .at))
        case "publication":
            self = .publication(
                evidenceId: try container.decode(String.self, forKey: .evidenceId),
                move: try container.decode(String.self, forKey: .move),
                state: try container.decode(String.self, forKey: .state),
                by: try container.decode(String.self, forKey: .by),
                reason: try container.decode(String.self, forKey: .reason),
                at: try container.decode(Int64.self, forKey: .at))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown log entry kind \"\(kind)\"")
        }
    }

    /// Encodes the same members as `leafBytes` (key order and escaping are the encoder's).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case let .stored(evidenceId, sha256, size, unitId, at):
            try container.encode(evidenceId, forKey: .evidenceId)
            try container.encode(sha256, forKey: .sha256)
            try container.encode(size, forKey: .size)
            try container.encode(unitId, forKey: .unitId)
            try container.encode(at, forKey: .at)
        case let .review(evidenceId, decision, reviewer, at):
            try container.encode(evidenceId, forKey: .evidenceId)
            try container.encode(decision, forKey: .decision)
            try container.encode(reviewer, forKey: .reviewer)
            try container.encode(at, forKey: .at)
        case let .integrity(evidenceId, sha256, status, foundBy, at):
            try container.encode(evidenceId, forKey: .evidenceId)
            try container.encode(sha256, forKey: .sha256)
            try container.encode(status, forKey: .status)
            try container.encode(foundBy, forKey: .foundBy)
            try container.encode(at, forKey: .at)
        case let .publication(evidenceId, move, state, by, reason, at):
            try container.encode(evidenceId, forKey: .evidenceId)
            try container.encode(move, forKey: .move)
            try container.encode(state, forKey: .state)
            try container.encode(by, forKey: .by)
            try container.encode(reason, forKey: .reason)
            try container.encode(at, forKey: .at)
        }
    }
}
