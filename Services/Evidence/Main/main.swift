import EvidenceCore
import NQ57Runtime

await ServiceHost.main(EvidenceService.definition)
