import MetricsCore
import NQ57Runtime

await ServiceHost.main(MetricsService.definition)
