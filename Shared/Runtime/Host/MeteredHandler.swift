import NIOCore
import NQ57API
import NQ57Telemetry
import NQ57Wire

/// Counts every call a handler answers (requests, errors by code, latency) per method.
/// Only the catalog's method names become labels; anything else is counted as "unknown".
public struct MeteredHandler: RPCRequestHandler {
    let inner: any RPCRequestHandler
    let metrics: MethodMetrics

    /// Wraps `inner`, recording into `metrics`.
    public init(_ inner: any RPCRequestHandler, metrics: MethodMetrics) {
        self.inner = inner
        self.metrics = metrics
    }

    public func handle(_ request: RequestEnvelope, context: RequestContext) -> EventLoopFuture<ReplyEnvelope> {
        let started = NIODeadline.now()
        let method = APICatalog.policy(of: request.method) == nil ? "unknown" : request.method
        let metrics = self.metrics
        return inner.handle(request, context: context).always { result in
            let seconds = Double((NIODeadline.now() - started).nanoseconds) / 1e9
            switch result {
            case .success(let reply):
                switch reply.outcome {
                case .success: metrics.record(method: method, code: nil, seconds: seconds)
                case .failure(let error): metrics.record(method: method, code: error.code.rawValue, seconds: seconds)
                }
            case .failure:
                metrics.record(method: method, code: ErrorCode.internal.rawValue, seconds: seconds)
            }
        }
    }
}
