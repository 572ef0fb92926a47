import TasksCore
import NQ57Runtime

await ServiceHost.main(TasksService.definition)
