/// The `nq57-tasks` service's methods: the one list the gateway routes by and the service
/// must register handlers for.
public enum TasksAPI: ServiceAPI {
    public static let service = ServiceName.tasks
    public static let methods: [any APIMethod.Type] = [
        TasksPlanCreate.self,
        TasksPlanList.self,
        TasksCreate.self,
        TasksSetDeadline.self,
        TasksGet.self,
        TasksHistory.self,
        TasksList.self,
        TasksProgress.self,
        TasksClaim.self,
        TasksSubmit.self,
        TasksReview.self,
        TasksFlags.self,
        TasksScores.self,
        TasksDashboard.self,
        TasksOverview.self,
        TasksPublic.self,
        TasksProgrammeList.self,
        TasksProgrammeCreate.self,
        TasksPlanLink.self,
        TasksPlanUnlink.self,
        TasksPlansOfTask.self,
        TasksRemindersList.self,
        TasksRemindersMarkRead.self,
        TasksRemindersRun.self,
        TasksExplanationRequest.self,
        TasksExplanationAnswer.self,
        TasksExplanationList.self,
        TasksReviewQueue.self,
        TasksMyWork.self,
        TasksCommentAdd.self,
        TasksCommentList.self,
    ]
}
