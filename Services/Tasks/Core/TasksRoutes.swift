import NQ57API
import NQ57Wire

/// The tasks service's method table.
enum TasksRoutes {
    static func make(_ authority: TasksAuthority) -> MethodRoutes {
        var routes = MethodRoutes()
        routes.on(TasksPlanCreate.self) { params, context in try await authority.createPlan(params, caller: context.caller) }
        routes.on(TasksPlanList.self) { params, _ in TasksPlanList.Result(plans: try await authority.listPlans(unitId: params.unitId)) }
        routes.on(TasksCreate.self) { params, context in try await authority.createTask(params, caller: context.caller) }
        routes.on(TasksGet.self) { params, _ in try await authority.get(params) }
        routes.on(TasksHistory.self) { params, _ in TasksHistory.Result(events: try await authority.history(params)) }
        routes.on(TasksList.self) { params, _ in TasksList.Result(tasks: try await authority.list(params)) }
        routes.on(TasksProgress.self) { params, context in try await authority.progress(params, caller: context.caller) }
        routes.on(TasksClaim.self) { params, context in try await authority.claim(params, caller: context.caller) }
        routes.on(TasksSubmit.self) { params, context in try await authority.submit(params, caller: context.caller) }
        routes.on(TasksReview.self) { params, context in try await authority.review(params, caller: context.caller) }
        routes.on(TasksFlags.self) { params, _ in try await authority.flags(params) }
        routes.on(TasksScores.self) { params, _ in try await authority.scores(params) }
        routes.on(TasksDashboard.self) { params, _ in try await authority.dashboard(params) }
        routes.on(TasksPublic.self) { params, _ in try await authority.publicPlans(params) }
        return routes
    }
}
