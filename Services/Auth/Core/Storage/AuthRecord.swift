import Foundation
import GRDB
import NQ57API

/// A row of one of the auth tables, read and written through GRDB's query interface: columns
/// are the properties in snake_case, times are seconds since the Unix epoch (REAL), as the
/// schema has always kept them.
protocol AuthRecord: Codable, FetchableRecord, PersistableRecord {}

extension AuthRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .timeIntervalSince1970 }
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .timeIntervalSince1970 }
}

/// A role is stored as its raw value.
extension Role: DatabaseValueConvertible {}
/// A unit's kind is stored as its raw value.
extension UnitKind: DatabaseValueConvertible {}
