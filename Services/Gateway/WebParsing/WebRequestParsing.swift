import HummingbirdCore
import NIOCore
import NQ57API
import NQ57Wire

/// The pure part of the HTTP API: how an `/api/…` request's path, `Authorization` header,
/// query string and body become an RPC call. Nothing here waits, calls or reads a session,
/// so the fuzzer (Tests/Fuzz/HTTP) and tests drive it directly.
public enum WebRequestParsing {
    /// `POST /api/METHOD`'s method name, refused unless the catalog knows it.
    public static func method(_ name: String) throws(RPCError) -> String {
        guard APICatalog.policy(of: name) != nil else { throw RPCError.unknownMethod(name) }
        return name
    }

    /// The token of an `Authorization: Bearer TOKEN` header (a program's call); nil for anything else,
    /// which leaves the caller to the browser's session cookie.
    public static func bearerToken(_ authorization: String?) -> String? {
        guard let authorization, authorization.hasPrefix("Bearer ") else { return nil }
        return String(authorization.dropFirst(7))
    }

    /// `POST /api/METHOD`'s body as the call's params: one JSON value, `{}` when the body is empty.
    public static func params(_ body: ByteBuffer) throws(RPCError) -> RawJSON {
        body.readableBytes == 0 ? RawJSON.emptyObject : try RawJSON(validating: body)
    }

    /// `POST /api/evidence/upload?unitId=&fileName=&supports=`: the `evidence.uploadStart` params its
    /// query string names (percent-decoded by Hummingbird's `URI`); `unitId` and `fileName` are required.
    public static func uploadStart(_ uri: URI) throws(RPCError) -> EvidenceUploadStart.Params {
        let query = uri.queryParameters
        guard let unitId = query["unitId"].map(String.init), let fileName = query["fileName"].map(String.init) else {
            throw RPCError(.invalidArgument, "Cần mã đơn vị (unitId) và tên tệp (fileName).", details: ["field": "unitId"])
        }
        return .init(unitId: unitId, fileName: fileName, supports: query["supports"].map(String.init))
    }
}
