using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Json;

namespace OutboundPS.ByRobot;

/// <summary>Reading call results back (docs/vendors/byrobot.md#task-queries): finished and pending numbers, call detail, missed callbacks.</summary>
internal sealed partial class ByRobotClient : ICallRecordReads
{
    internal const string DoneCallsPath = "openapi/v1/task/queryDoneTaskPhones";
    internal const string PendingCallsPath = "openapi/v1/task/notDialedCustomerList";
    internal const string CallDetailPath = "openapi/v1/task/phoneLogInfo";
    internal const string MissedCallbacksPath = "openapi/v1/callBack/queryUnCallBack";

    /// <summary>queryUnCallBack's dataType for outbound call results (1 would be inbound).</summary>
    private const int OutboundResults = 0;

    /// <summary>
    /// queryDoneTaskPhones filters one finishStatus, one analysis value and a least duration itself; several outcomes or
    /// intents are left to the reader, which checks every filter on what comes back.
    /// </summary>
    public async Task<CallRecordPage> GetFinishedCallsAsync(CallRecordFilter filter, int pageIndex, CancellationToken cancellationToken)
    {
        var codes = filter.Outcome is { Count: > 0 } outcomes ? ByRobotOutcomeMap.ToCodes(outcomes) : null;
        if (codes is { Length: 0 }) return new CallRecordPage(Array.Empty<OutboundCallRecord>(), 0);
        var query = new ByRobotDoneQuery
        {
            CallJobId = ParseId("TaskId", filter.TaskId),
            PageNum = pageIndex,
            PageSize = ByRobotVendor.RecordPageSize,
            FinishStatus = codes is { Length: 1 } ? codes[0] : null,
            DurationLeft = filter.MinDuration is { } least ? (int)Math.Ceiling(least.TotalSeconds) : null,
            ResultQueryList = filter.Intent is { Count: 1 } intent && ByRobotRecordMapper.IntentFilterWording.TryGetValue(intent[0], out var wording)
                ? new[] { new ByRobotResultItem { Name = ByRobotCallRecordMapper.IntentDimension, Value = wording } }
                : null,
        };
        var page = await PostAsync<ByRobotPage<ByRobotDoneCall>>(DoneCallsPath, "task/queryDoneTaskPhones", query, cancellationToken).ConfigureAwait(false);
        return ToPage(page, ByRobotRecordMapper.FromDone);
    }

    public async Task<CallRecordPage> GetPendingCallsAsync(string taskId, int pageIndex, CancellationToken cancellationToken)
    {
        var query = new ByRobotPendingQuery { TaskId = ParseId("TaskId", taskId), PageNum = pageIndex, PageSize = ByRobotVendor.RecordPageSize };
        var page = await PostAsync<ByRobotPage<ByRobotPendingCall>>(PendingCallsPath, "task/notDialedCustomerList", query, cancellationToken).ConfigureAwait(false);
        return ToPage(page, item => ByRobotRecordMapper.FromPending(item, taskId));
    }

    public async Task<OutboundCallRecord> GetCallAsync(string callId, CancellationToken cancellationToken)
    {
        var query = new Dictionary<string, string> { ["callInstanceId"] = ParseId("CallId", callId).ToString(CultureInfo.InvariantCulture) };
        // data is {phoneLog, sceneInstance, taskResult}, the shape of a callback's inner data, so one mapper reads both.
        var detail = await GetAsync<JsonElement>(CallDetailPath, "task/phoneLogInfo", cancellationToken, query).ConfigureAwait(false);
        // Member, not Object: Object would also parse a sceneInstance sent as a JSON string, which this answer has always refused.
        if (detail.Member("sceneInstance") is not { ValueKind: JsonValueKind.Object } call)
            throw OutboundErrors.UnreadableAnswer(Vendor, "task/phoneLogInfo", 200, "(no sceneInstance in data)");
        var record = ByRobotCallRecordMapper.ToRecord(call, detail, "callInstanceId");
        record.CallId ??= callId;
        return record;
    }

    public async Task<CallRecordPage> GetMissedCallbacksAsync(string? taskId, DateTime since, DateTime until, int pageIndex, CancellationToken cancellationToken)
    {
        var query = Company();
        if (taskId is not null) query["callJobId"] = ParseId("TaskId", taskId).ToString(CultureInfo.InvariantCulture);
        query["dataType"] = OutboundResults.ToString(CultureInfo.InvariantCulture);
        query["startDate"] = since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        query["endDate"] = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        query["pageNum"] = pageIndex.ToString(CultureInfo.InvariantCulture);
        query["pageSize"] = ByRobotVendor.MissedPageSize.ToString(CultureInfo.InvariantCulture);
        var page = await GetAsync<ByRobotPage<ByRobotMissedCallback>>(MissedCallbacksPath, "callBack/queryUnCallBack", cancellationToken, query).ConfigureAwait(false);
        return ToPage(page, ByRobotRecordMapper.FromMissed);
    }

    /// <summary>An answer without data, or data without a list, is an empty page; without a total, the list is all there is.</summary>
    private static CallRecordPage ToPage<T>(ByRobotPage<T>? page, Func<T, OutboundCallRecord> map)
    {
        var items = page?.List ?? Array.Empty<T>();
        return new CallRecordPage(items.Select(map).ToArray(), page?.Total ?? items.Length);
    }
}
