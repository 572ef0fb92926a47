import EvidenceStorage
import Foundation
import GatewayWebParsing
import HTTPTypes
import Hummingbird
import NIOCore
import NQ57API
import NQ57Wire

/// Evidence over HTTP, streamed both ways: an upload's body goes to the evidence service in
/// chunks as it arrives, and a download is read and sent chunk by chunk. Neither holds a
/// whole file in memory.
struct WebEvidence: Sendable {
    let caller: GatewayCaller
    let auth: WebAuth
    /// Bytes per chunk sent to or read from the evidence service.
    let chunkBytes = 1 << 20

    /// `POST /api/evidence/upload?unitId=&fileName=&supports=` with the raw file as the body.
    func upload(_ request: Request, context: some Hummingbird.RequestContext) async -> Response {
        var startParams: EvidenceUploadStart.Params
        do { startParams = try WebRequestParsing.uploadStart(request.uri) } catch { return WebResponses.error(error) }
        // The body's length, when the browser sends it: a file over the limit is refused before its bytes travel,
        // and the evidence service sets aside only the memory that file needs.
        startParams.size = request.headers[.contentLength].flatMap { Int64($0) }.flatMap { $0 >= 0 ? $0 : nil }
        let unitId = startParams.unitId
        var token = await auth.token(for: request)
        let start: EvidenceUploadStart.Result
        do {
            start = try await caller.call(EvidenceUploadStart.self, startParams, token: token).result
        } catch let error as RPCError {
            return WebResponses.error(error)
        } catch {
            return WebResponses.error(.internalFault)
        }
        do {
            let size = min(chunkBytes, start.maxChunkBytes)
            var pending = ByteBuffer()
            var offset: Int64 = 0
            func send(_ chunk: ByteBuffer) async throws {
                token = await auth.token(for: request)  // a long upload outlives an access token
                _ = try await caller.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: unitId, offset: offset),
                                          token: token, bulk: chunk)
                offset += Int64(chunk.readableBytes)
            }
            for try await var part in request.body {
                pending.writeBuffer(&part)
                while pending.readableBytes >= size, let chunk = pending.readSlice(length: size) {
                    try await send(chunk)
                }
                pending.discardReadBytes()
            }
            // An empty file sends no chunk: the evidence service refuses it at finish, saying so plainly.
            if pending.readableBytes > 0 { try await send(pending) }
            let file = try await caller.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: unitId), token: token).result
            return WebResponses.result(file)
        } catch {
            // Nothing of a refused or broken upload is kept: its bytes go now, not at the next sweep.
            _ = try? await caller.call(EvidenceUploadAbort.self, .init(uploadId: start.uploadId, unitId: unitId), token: token)
            if let error = error as? RPCError { return WebResponses.error(error) }
            return WebResponses.error(RPCError(.invalidArgument, "Tải tệp lên bị gián đoạn; hãy thử lại."))
        }
    }

    /// `GET /files/ID?unitId=`: the stored bytes, re-hashed by the evidence service as they are read.
    func download(_ request: Request, context: some Hummingbird.RequestContext, id: String) async -> Response {
        guard let unitId = request.uri.queryParameters["unitId"].map(String.init) else {
            return WebResponses.error(RPCError(.invalidArgument, "Cần mã đơn vị (unitId).", details: ["field": "unitId"]))
        }
        do {
            let token = await auth.token(for: request)
            guard let info = try await caller.call(EvidenceInfoGet.self, .init(unitId: unitId, ids: [id]), token: token).result.files.first else {
                return WebResponses.error(RPCError(.notFound, "Không có minh chứng \"\(id)\"."))
            }
            let caller = self.caller
            let chunk = chunkBytes * 4
            return Self.fileResponse(fileName: info.fileName, mediaType: info.mediaType, size: info.size) { offset in
                try await caller.call(EvidenceRead.self, .init(id: id, unitId: unitId, offset: offset, length: chunk), token: token).bulk
            }
        } catch let error as RPCError {
            return WebResponses.error(error)
        } catch {
            return WebResponses.error(.internalFault)
        }
    }

    /// `GET /public/files/ID`: evidence published for everyone, without login.
    func downloadPublic(id: String) async -> Response {
        do {
            let first = try await caller.call(EvidenceReadPublic.self, .init(id: id, offset: 0, length: chunkBytes * 4), token: nil)
            let prefix = first.bulk.map { Array($0.readableBytesView.prefix(64)) } ?? []
            let mediaType = MediaType.detect(prefix: prefix, fileName: "")
            let caller = self.caller
            let chunk = chunkBytes * 4
            return Self.fileResponse(fileName: "minh-chung-\(id)", mediaType: mediaType.mimeType, size: first.result.size) { offset in
                offset == 0 ? first.bulk
                    : try await caller.call(EvidenceReadPublic.self, .init(id: id, offset: offset, length: chunk), token: nil).bulk
            }
        } catch let error as RPCError {
            return WebResponses.error(error)
        } catch {
            return WebResponses.error(.internalFault)
        }
    }

    /// A streamed file: shown inline (PDFs and images display in the page), framable only by this site.
    static func fileResponse(fileName: String, mediaType: String, size: Int64,
                             read: @escaping @Sendable (Int64) async throws -> ByteBuffer?) -> Response {
        let ascii = String(fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        var headers: HTTPFields = [
            .contentType: mediaType,
            .contentDisposition: "inline; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
            .cacheControl: "private, no-store",
        ]
        headers[.contentSecurityPolicy] = "default-src 'none'; frame-ancestors 'self'; sandbox"
        headers[.xFrameOptions] = "SAMEORIGIN"
        let body = ResponseBody(contentLength: Int(size)) { writer in
            // The next chunk is asked for while this one is written to the client.
            try await ChunksAhead.each(size: size, read: read) { try await writer.write($0) }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
