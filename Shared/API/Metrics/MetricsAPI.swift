/// The `nq57-metrics` service's methods: the one list the gateway routes by and the service
/// must register handlers for.
public enum MetricsAPI: ServiceAPI {
    public static let service = ServiceName.metrics
    public static let methods: [any APIMethod.Type] = [
        MetricsIndicatorCreate.self,
        MetricsTargetSet.self,
        MetricsIndicatorList.self,
        MetricsIndicatorGet.self,
        MetricsReport.self,
        MetricsSubmit.self,
        MetricsReview.self,
        MetricsHistory.self,
        MetricsRollUp.self,
        MetricsSeries.self,
        MetricsCompare.self,
        MetricsDashboard.self,
        MetricsTrend.self,
        MetricsFlags.self,
        MetricsExport.self,
        MetricsPublic.self,
        MetricsDueItems.self,
        MetricsReviewQueue.self,
        MetricsMyWork.self,
        MetricsCommentAdd.self,
        MetricsCommentList.self,
    ]
}
