using System.Collections.Generic;
using System.Text.Json.Serialization;
using OutboundPS.Json;

namespace OutboundPS.IFlytek;

internal sealed class IFlytekCreateTask
{
    [JsonPropertyName("task_name")] public string TaskName { get; set; } = string.Empty;

    /// <summary>Several lines separated by ';' (docs/vendors/iflytek.md#quirk-line-separator).</summary>
    [JsonPropertyName("line_num")] public string LineNum { get; set; } = string.Empty;
    [JsonPropertyName("robot_id")] public string RobotId { get; set; } = string.Empty;
    [JsonPropertyName("recall_count")] public int? RecallCount { get; set; }
    [JsonPropertyName("time_recall_wait")] public long? TimeRecallWait { get; set; }
    [JsonPropertyName("time_range")] public string[] TimeRange { get; set; } = System.Array.Empty<string>();
    [JsonPropertyName("time_begin")] public long TimeBegin { get; set; }
    [JsonPropertyName("time_end")] public long? TimeEnd { get; set; }
    [JsonPropertyName("voice_code")] public string? VoiceCode { get; set; }
}

internal sealed class IFlytekCreateTaskResult
{
    [JsonPropertyName("task_id"), JsonConverter(typeof(FlexibleStringConverter))] public string? TaskId { get; set; }
}

internal sealed class IFlytekTaskId
{
    [JsonPropertyName("task_id")] public string TaskId { get; set; } = string.Empty;
}

/// <summary>task/callout rows: a header row and string rows, at most 50 (docs/vendors/iflytek.md#rows-per-request); task/insert writes its own (IFlytekInsertWriter).</summary>
internal sealed class IFlytekRows
{
    [JsonPropertyName("robot_id")] public string? RobotId { get; set; }
    [JsonPropertyName("line_num")] public string? LineNum { get; set; }
    [JsonPropertyName("voice_code")] public string? VoiceCode { get; set; }
    [JsonPropertyName("call_column")] public IReadOnlyList<string> CallColumn { get; set; } = System.Array.Empty<string>();
    [JsonPropertyName("call_list")] public IReadOnlyList<string[]> CallList { get; set; } = System.Array.Empty<string[]>();
}

internal sealed class IFlytekRowsResult
{
    [JsonPropertyName("total")] public int? Total { get; set; }
    [JsonPropertyName("task_data_ids")] public long[]? TaskDataIds { get; set; }
}

internal sealed class IFlytekTaskQuery
{
    [JsonPropertyName("task_id")] public string? TaskId { get; set; }
    [JsonPropertyName("task_name")] public string? TaskName { get; set; }
    [JsonPropertyName("task_status_list")] public int[]? TaskStatusList { get; set; }
    [JsonPropertyName("page_size")] public int PageSize { get; set; }
    [JsonPropertyName("page_index")] public int PageIndex { get; set; }
    [JsonPropertyName("sort_name")] public string? SortName { get; set; }
    [JsonPropertyName("sort_order")] public string? SortOrder { get; set; }
    [JsonPropertyName("show_remaining")] public bool ShowRemaining { get; set; }
}

internal sealed class IFlytekTaskQueryResult
{
    [JsonPropertyName("total_rows")] public int? TotalRows { get; set; }
    [JsonPropertyName("rows")] public IFlytekTaskRow[]? Rows { get; set; }
}

internal sealed class IFlytekTaskRow
{
    [JsonPropertyName("task_id"), JsonConverter(typeof(FlexibleStringConverter))] public string? TaskId { get; set; }
    [JsonPropertyName("task_name")] public string? TaskName { get; set; }
    [JsonPropertyName("status")] public int? Status { get; set; }
    [JsonPropertyName("task_type")] public int? TaskType { get; set; }
    [JsonPropertyName("deleted")] public int? Deleted { get; set; }
    [JsonPropertyName("time_task_start")] public long? TimeTaskStart { get; set; }
    [JsonPropertyName("time_task_finish")] public long? TimeTaskFinish { get; set; }
    [JsonPropertyName("process_count")] public int? ProcessCount { get; set; }
    [JsonPropertyName("process_tel_count")] public int? ProcessTelCount { get; set; }
    [JsonPropertyName("process_through_count")] public int? ProcessThroughCount { get; set; }
    [JsonPropertyName("count_tel")] public int? CountTel { get; set; }
    [JsonPropertyName("time_task_estimate_begin")] public long? TimeTaskEstimateBegin { get; set; }
    [JsonPropertyName("time_task_estimate_end")] public long? TimeTaskEstimateEnd { get; set; }
    [JsonPropertyName("line_num"), JsonConverter(typeof(FlexibleStringConverter))] public string? LineNum { get; set; }
    [JsonPropertyName("robot_id"), JsonConverter(typeof(FlexibleStringConverter))] public string? RobotId { get; set; }
    [JsonPropertyName("robot_name")] public string? RobotName { get; set; }
    [JsonPropertyName("voice_code"), JsonConverter(typeof(FlexibleStringConverter))] public string? VoiceCode { get; set; }
    [JsonPropertyName("count_max_recall")] public int? CountMaxRecall { get; set; }
    [JsonPropertyName("time_recall_wait")] public long? TimeRecallWait { get; set; }
    [JsonPropertyName("time_range"), JsonConverter(typeof(JsonArrayTextConverter))] public string[]? TimeRange { get; set; }
    [JsonPropertyName("remaining")] public int? Remaining { get; set; }
}
