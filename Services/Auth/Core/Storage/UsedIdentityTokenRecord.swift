import Foundation
import GRDB

/// One row of `used_identity_tokens`: an ID token that logged in (hashed), kept until it expires.
struct UsedIdentityTokenRecord: AuthRecord {
    static let databaseTableName = "used_identity_tokens"
    var hash: String
    var expiresAt: Date

    /// Forgets the tokens expired at `now`, then remembers this one; returns whether it is its first use.
    static func firstUse(_ db: Database, hash: String, expiresAt: Date, now: Date) throws -> Bool {
        try filter(Column("expires_at") < now.timeIntervalSince1970).deleteAll(db)
        try UsedIdentityTokenRecord(hash: hash, expiresAt: expiresAt).insert(db, onConflict: .ignore)
        return db.changesCount == 1
    }
}
