using System.Text.Json.Serialization;
using OutboundPS.Json;

namespace OutboundPS.ByRobot;

/// <summary>task/queryDoneTaskPhones (docs/vendors/byrobot.md#taskquerydonetaskphones): the filters BYRobot applies itself.</summary>
internal sealed class ByRobotDoneQuery
{
    [JsonPropertyName("callJobId")] public long CallJobId { get; set; }
    [JsonPropertyName("durationLeft")] public int? DurationLeft { get; set; }
    [JsonPropertyName("finishStatus")] public int? FinishStatus { get; set; }
    [JsonPropertyName("pageNum")] public int PageNum { get; set; }
    [JsonPropertyName("pageSize")] public int PageSize { get; set; }
    [JsonPropertyName("resultQueryList")] public ByRobotResultItem[]? ResultQueryList { get; set; }
}

/// <summary>task/notDialedCustomerList (docs/vendors/byrobot.md#tasknotdialedcustomerlist): POST JSON, as the doc says (B-7).</summary>
internal sealed class ByRobotPendingQuery
{
    [JsonPropertyName("taskId")] public long TaskId { get; set; }
    [JsonPropertyName("pageNum")] public int PageNum { get; set; }
    [JsonPropertyName("pageSize")] public int PageSize { get; set; }
}

/// <summary>An analysis result of a finished number: {name, value}, as queryDoneTaskPhones lists and filters them.</summary>
internal sealed class ByRobotResultItem
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("value")] public string? Value { get; set; }
}

/// <summary>A page of queryDoneTaskPhones, notDialedCustomerList or queryUnCallBack.</summary>
internal sealed class ByRobotPage<T>
{
    [JsonPropertyName("total")] public int? Total { get; set; }
    [JsonPropertyName("list")] public T[]? List { get; set; }
}

/// <summary>A finished number (queryDoneTaskPhones item). status and finishStatus are ints the doc types as String (B-19).</summary>
internal sealed class ByRobotDoneCall
{
    [JsonPropertyName("callInstanceId")] public long? CallInstanceId { get; set; }
    [JsonPropertyName("callJobId")] public long? CallJobId { get; set; }
    [JsonPropertyName("customerTelephone")] public string? CustomerTelephone { get; set; }
    [JsonPropertyName("customerName")] public string? CustomerName { get; set; }
    [JsonPropertyName("finishStatus")] public int? FinishStatus { get; set; }
    [JsonPropertyName("duration"), JsonConverter(typeof(ByRobotSecondsConverter))] public int? Duration { get; set; }
    [JsonPropertyName("chatRound")] public int? ChatRound { get; set; }
    [JsonPropertyName("startTime")] public string? StartTime { get; set; }
    [JsonPropertyName("endTime")] public string? EndTime { get; set; }
    [JsonPropertyName("luyinOssUrl"), JsonConverter(typeof(FlexibleStringConverter))] public string? LuyinOssUrl { get; set; }
    [JsonPropertyName("secondaryCallTimes")] public int? SecondaryCallTimes { get; set; }
    [JsonPropertyName("resultList")] public ByRobotResultItem[]? ResultList { get; set; }
}

/// <summary>A number not yet dialled (notDialedCustomerList item); the doc types name and phone as int, wrongly (B-19).</summary>
internal sealed class ByRobotPendingCall
{
    [JsonPropertyName("callInstanceId")] public long? CallInstanceId { get; set; }
    [JsonPropertyName("customerName"), JsonConverter(typeof(FlexibleStringConverter))] public string? CustomerName { get; set; }
    [JsonPropertyName("customerTelephone"), JsonConverter(typeof(FlexibleStringConverter))] public string? CustomerTelephone { get; set; }
    [JsonPropertyName("calledTimes")] public int? CalledTimes { get; set; }
}

/// <summary>A callback that never arrived (queryUnCallBack item): enough to fetch the record with phoneLogInfo.</summary>
internal sealed class ByRobotMissedCallback
{
    [JsonPropertyName("customerTelephone")] public string? CustomerTelephone { get; set; }
    [JsonPropertyName("callInstanceId")] public long? CallInstanceId { get; set; }
    [JsonPropertyName("callJobId")] public long? CallJobId { get; set; }
    [JsonPropertyName("callerTime")] public string? CallerTime { get; set; }
}
