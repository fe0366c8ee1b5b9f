using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OutboundPS.ByRobot;

/// <summary>task/createTask (docs/vendors/byrobot.md#taskcreatetask).</summary>
internal sealed class ByRobotCreateTask
{
    [JsonPropertyName("companyId")] public long CompanyId { get; set; }
    [JsonPropertyName("taskName")] public string TaskName { get; set; } = string.Empty;
    [JsonPropertyName("taskType")] public int TaskType { get; set; }
    [JsonPropertyName("startDate")] public string? StartDate { get; set; }
    [JsonPropertyName("workingStartTime")] public string? WorkingStartTime { get; set; }
    [JsonPropertyName("workingEndTime")] public string? WorkingEndTime { get; set; }
    [JsonPropertyName("breakStartTime")] public string? BreakStartTime { get; set; }
    [JsonPropertyName("breakEndTime")] public string? BreakEndTime { get; set; }
    [JsonPropertyName("userPhoneIds")] public long[] UserPhoneIds { get; set; } = System.Array.Empty<long>();
    [JsonPropertyName("robotDefId")] public long RobotDefId { get; set; }

    // Removed from the 2019+ docs but required by earlier deployments (docs/vendors/byrobot.md#quirk-scene-fields-in-createtask); they default to the robot's scene and first recording.
    [JsonPropertyName("sceneDefId")] public long? SceneDefId { get; set; }
    [JsonPropertyName("sceneRecordId")] public long? SceneRecordId { get; set; }
    [JsonPropertyName("callType")] public int CallType { get; set; }
    [JsonPropertyName("concurrencyQuota")] public int? ConcurrencyQuota { get; set; }
    [JsonPropertyName("smsType")] public int? SmsType { get; set; }
    [JsonPropertyName("remark")] public string? Remark { get; set; }
    [JsonPropertyName("repeatCall")] public bool? RepeatCall { get; set; }
    [JsonPropertyName("repeatCallRule")] public ByRobotRepeatRule[]? RepeatCallRule { get; set; }
}

internal sealed class ByRobotRepeatRule
{
    [JsonPropertyName("phoneStatus")] public int PhoneStatus { get; set; }
    [JsonPropertyName("times")] public int Times { get; set; }
    [JsonPropertyName("interval")] public int Interval { get; set; }
}

/// <summary>task/update (docs/vendors/byrobot.md#taskupdate): every required field is sent, unchanged ones read from the task.</summary>
internal sealed class ByRobotUpdateTask
{
    [JsonPropertyName("companyId")] public long CompanyId { get; set; }
    [JsonPropertyName("taskId")] public long TaskId { get; set; }
    [JsonPropertyName("taskName")] public string TaskName { get; set; } = string.Empty;
    [JsonPropertyName("taskType")] public int TaskType { get; set; }

    /// <summary>One line: an int; several: the comma string, the only documented form (docs/vendors/byrobot.md#quirk-userphoneids-in-update).</summary>
    [JsonPropertyName("userPhoneIds")] public object UserPhoneIds { get; set; } = 0L;
    [JsonPropertyName("callType")] public int CallType { get; set; }
    [JsonPropertyName("concurrencyQuota")] public int ConcurrencyQuota { get; set; }
    [JsonPropertyName("workingStartTime")] public string? WorkingStartTime { get; set; }
    [JsonPropertyName("workingEndTime")] public string? WorkingEndTime { get; set; }
    [JsonPropertyName("breakStartClose")] public bool? BreakStartClose { get; set; }
    [JsonPropertyName("breakStartTime")] public string? BreakStartTime { get; set; }
    [JsonPropertyName("breakEndTime")] public string? BreakEndTime { get; set; }
}

internal sealed class ByRobotTaskId
{
    [JsonPropertyName("taskId")] public long TaskId { get; set; }
}

/// <summary>
/// v2 task/importTaskCustomer (docs/vendors/byrobot.md#taskimporttaskcustomer-v2): {companyId, taskId, customerInfoList: [{name, phone, properties}]}.
/// Written straight from the validated rows by ByRobotImportWriter: up to 10,000 customers a request.
/// </summary>
[JsonConverter(typeof(ByRobotImportWriter))]
internal sealed class ByRobotImport
{
    internal ByRobotImport(long companyId, long taskId, IReadOnlyList<string> variables, IReadOnlyList<OutboundPS.Contract.CustomerRow> rows)
    {
        CompanyId = companyId;
        TaskId = taskId;
        Variables = variables;
        Rows = rows;
    }

    internal long CompanyId { get; }
    internal long TaskId { get; }

    /// <summary>Property names, in the order of each row's Values.</summary>
    internal IReadOnlyList<string> Variables { get; }
    internal IReadOnlyList<OutboundPS.Contract.CustomerRow> Rows { get; }
}

internal sealed class ByRobotImportResult
{
    [JsonPropertyName("msg")] public string? Msg { get; set; }
    [JsonPropertyName("successNum")] public int? SuccessNum { get; set; }
    [JsonPropertyName("repeatNum")] public int? RepeatNum { get; set; }
    [JsonPropertyName("placeFailNum")] public int? PlaceFailNum { get; set; }
}

/// <summary>
/// task/call (docs/vendors/byrobot.md#taskcall). The seed names the scene sceneId and later pages sceneDefId (docs/vendors/byrobot.md#quirk-scene-name-in-single-calls), so both are
/// sent with the same value: a server following either reading finds its field.
/// </summary>
internal sealed class ByRobotCallByCustomer
{
    [JsonPropertyName("customerId")] public long CustomerId { get; set; }
    [JsonPropertyName("mobile")] public string Mobile { get; set; } = string.Empty;
    [JsonPropertyName("companyId")] public long CompanyId { get; set; }
    [JsonPropertyName("variables")] public Dictionary<string, string> Variables { get; set; } = new();
    [JsonPropertyName("sceneId")] public long? SceneId { get; set; }
    [JsonPropertyName("sceneDefId")] public long? SceneDefId => SceneId;
    [JsonPropertyName("sceneRecordId")] public long? SceneRecordId { get; set; }
    [JsonPropertyName("robotDefId")] public long RobotDefId { get; set; }
}

/// <summary>task/singleCallByMobile (docs/vendors/byrobot.md#tasksinglecallbymobile); sceneId and sceneDefId both carry the scene.</summary>
internal sealed class ByRobotCallByMobile
{
    [JsonPropertyName("mobile")] public string Mobile { get; set; } = string.Empty;
    [JsonPropertyName("companyId")] public long CompanyId { get; set; }
    [JsonPropertyName("variables")] public Dictionary<string, string> Variables { get; set; } = new();
    [JsonPropertyName("robotDefId")] public long RobotDefId { get; set; }
    [JsonPropertyName("sceneId")] public long? SceneId => SceneDefId;
    [JsonPropertyName("sceneDefId")] public long? SceneDefId { get; set; }
    [JsonPropertyName("sceneRecordId")] public long? SceneRecordId { get; set; }
    // Optional, and absent from the seed: left out rather than sent as null when the call has no name.
    [JsonPropertyName("userName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UserName { get; set; }
}

/// <summary>getTasks page (docs/vendors/byrobot.md#taskgettasks).</summary>
internal sealed class ByRobotTaskPage
{
    [JsonPropertyName("total")] public int? Total { get; set; }
    [JsonPropertyName("list")] public ByRobotTaskItem[]? List { get; set; }
}

/// <summary>
/// A task of getTasks / getTaskDetail (docs/vendors/byrobot.md#quirk-unreported-fields). Neither answer reports the robot or the AI seats,
/// so OutboundTask.RobotId and Concurrency stay null for BYRobot tasks.
/// </summary>
internal sealed class ByRobotTaskItem
{
    [JsonPropertyName("callJobId")] public long? CallJobId { get; set; }
    [JsonPropertyName("jobName")] public string? JobName { get; set; }
    [JsonPropertyName("jobType")] public int? JobType { get; set; }
    [JsonPropertyName("startDate")] public string? StartDate { get; set; }
    [JsonPropertyName("workingStartTime")] public string? WorkingStartTime { get; set; }
    [JsonPropertyName("workingEndTime")] public string? WorkingEndTime { get; set; }
    [JsonPropertyName("breakStartTime")] public string? BreakStartTime { get; set; }
    [JsonPropertyName("breakEndTime")] public string? BreakEndTime { get; set; }
    [JsonPropertyName("status")] public int? Status { get; set; }
    [JsonPropertyName("sceneDefId")] public long? SceneDefId { get; set; }
    [JsonPropertyName("remark")] public string? Remark { get; set; }
    [JsonPropertyName("totalCount")] public int? TotalCount { get; set; }
    [JsonPropertyName("doneCount")] public int? DoneCount { get; set; }
    [JsonPropertyName("calledCount")] public int? CalledCount { get; set; }
    [JsonPropertyName("callPhones")] public ByRobotTaskPhone[]? CallPhones { get; set; }
}

internal sealed class ByRobotTaskPhone
{
    [JsonPropertyName("userPhoneId")] public long? UserPhoneId { get; set; }
    [JsonPropertyName("phone")] public string? Phone { get; set; }
}
