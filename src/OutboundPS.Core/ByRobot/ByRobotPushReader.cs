using System.Text.Json;
using OutboundPS.Contract;
using OutboundPS.Json;
using OutboundPS.Push;

namespace OutboundPS.ByRobot;

/// <summary>
/// Reads BYRobot callbacks (docs/vendors/byrobot.md#callbacks). Every callback body is wrapped as
/// {"code":200,"data":{"dataType":…,"data":{…}}}; the type is data.dataType whatever address it was posted to
/// (docs/vendors/byrobot.md#quirk-callback-rules). Each call comes whole in one callback, so each is complete at once.
/// </summary>
internal sealed class ByRobotPushReader : IPushReader
{
    internal const string CallInstanceResult = "CALL_INSTANCE_RESULT";
    internal const string JobInfoResult = "JOB_INFO_RESULT";
    internal const string InboundCallInstanceResult = "INBOUND_CALL_INSTANCE_RESULT";

    public PushMessage? TryRead(JsonElement root, string? module, string body)
    {
        if (root.Object("data") is { } wrapper && wrapper.Text("dataType") is { } dataType) return Read(wrapper, dataType, body);
        if (root.Member("dataType") is not null && root.Member("data") is not null)
            throw PushPreview.NotAPush(body,
                "it looks like the inner part of a BYRobot callback, without the {\"code\":200,\"data\":…} wrapper BYRobot always sends.");
        return null;
    }

    private static PushMessage Read(JsonElement wrapper, string dataType, string body)
    {
        var payload = wrapper.Object("data")
            ?? throw PushPreview.NotAPush(body, $"the BYRobot {dataType} callback has no inner data object.");
        switch (dataType.Trim().ToUpperInvariant())
        {
            case CallInstanceResult:
                return payload.Object("sceneInstance") is { } call
                    ? PushMessage.Complete(ByRobotVendor.Id, PushKind.ByRobotCallRecord, ByRobotCallRecordMapper.ToRecord(call, payload, "callInstanceId"))
                    : PushMessage.Complete(ByRobotVendor.Id, PushKind.ByRobotIntentChange, IntentChange(payload, body));
            case InboundCallInstanceResult:
                return payload.Object("sceneInstance") is { } inbound
                    ? PushMessage.Complete(ByRobotVendor.Id, PushKind.ByRobotInboundCallRecord, ByRobotCallRecordMapper.ToRecord(inbound, payload, "inboundInstanceId"))
                    : throw PushPreview.NotAPush(body, $"the BYRobot {dataType} callback has no sceneInstance.");
            case JobInfoResult:
                return PushMessage.Complete(ByRobotVendor.Id, PushKind.ByRobotTaskStatus, ToTask(payload, body));
            default:
                throw PushPreview.NotAPush(body,
                    $"BYRobot callback type '{dataType}' is not one OutboundPS reads ({CallInstanceResult}, {JobInfoResult}, {InboundCallInstanceResult}).");
        }
    }

    /// <summary>
    /// A CRM user changed the intent level of an earlier call: only taskResult, no sceneInstance, and the value is the
    /// letter alone (docs/vendors/byrobot.md#call_instance_result). The record carries the call's id and the new level,
    /// to update the record read before.
    /// </summary>
    private static OutboundCallRecord IntentChange(JsonElement payload, string body)
    {
        if (payload.Array("taskResult") is { } results)
        {
            foreach (var result in results.EnumerateArray())
            {
                if (result.Text("sceneInstanceId") is not { } callId) continue;
                var (letter, label) = ByRobotCallRecordMapper.IntentOf(results);
                return new OutboundCallRecord(ByRobotVendor.Id)
                {
                    CallId = callId,
                    TaskId = result.Text("callJobId"),
                    Intent = letter,
                    IntentLabel = label,
                };
            }
        }

        throw PushPreview.NotAPush(body,
            $"the BYRobot {CallInstanceResult} callback has neither a sceneInstance (a call) nor a taskResult naming its sceneInstanceId (an intent change).");
    }

    /// <summary>JOB_INFO_RESULT: a task's status changed (docs/vendors/byrobot.md#job_info_result).</summary>
    private static OutboundTask ToTask(JsonElement job, string body)
    {
        var id = job.Text("callJobId") ?? throw PushPreview.NotAPush(body, $"the BYRobot {JobInfoResult} callback has no callJobId.");
        var session = OutboundSession.Detached(ByRobotVendor.Id, VendorCatalog.Find(ByRobotVendor.Id).DefaultBaseUri, job.Text("companyId"));
        var (working, breaks) = ByRobotSchedule.ToWindows(job.Text("workingStartTime"), job.Text("workingEndTime"),
            job.Text("breakStartTime"), job.Text("breakEndTime"));
        var status = job.Int32("status");
        return new OutboundTask(session, id)
        {
            Name = job.Text("jobName"),
            VendorStatus = status,
            Status = ByRobotStatusMap.ToStatus(status),
            RobotId = job.Text("robotDefId"),
            StartTime = ByRobotSchedule.ParseDate(job.Text("startDate")),
            EndTime = ByRobotSchedule.ParseDate(job.Text("endDate")),
            WorkingHours = working,
            BreakHours = breaks,
        };
    }
}
