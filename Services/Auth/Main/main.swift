import AuthCore
import NQ57Runtime

await ServiceHost.main(AuthService.definition)
