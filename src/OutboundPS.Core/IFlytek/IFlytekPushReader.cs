using System;
using System.Text.Json;
using OutboundPS.Contract;
using OutboundPS.Json;
using OutboundPS.Push;

namespace OutboundPS.IFlytek;

/// <summary>
/// Recognises yeta pushes (docs/vendors/iflytek.md#pushes): flat objects with call_uuid, one receiver address per module.
/// The module is told by a hint when the caller knows it (a push-failure line names it), else by the fields only that
/// module has: dialog[] for receiveDialog, url for receiveVoice, direction or the time_/duration_ fields for receiveCallRecord.
/// </summary>
internal sealed class IFlytekPushReader : IPushReader
{
    internal const string CallRecordModule = "receiveCallRecord";
    internal const string VoiceModule = "receiveVoice";
    internal const string DialogModule = "receiveDialog";

    /// <summary>The fields that mark a receiveCallRecord push; allocated once because Detect runs on every push without a module.</summary>
    private static readonly string[] CallRecordFields = { "direction", "time_hangup", "time_answer", "duration_call", "task_result" };

    /// <summary>True when the object looks like a yeta push (it has call_uuid).</summary>
    internal static bool IsPush(JsonElement root) => root.Member("call_uuid") is not null;

    /// <summary>
    /// The push inside a line of a push-failure file (docs/vendors/iflytek.md#downloadv1pushfailed):
    /// {"data":{…push…},"module":…,"retryTimes":…,"timestamp":…}; null when the object is not such a line.
    /// </summary>
    internal static JsonElement? FailedPush(JsonElement root) =>
        root.Text("module") is not null && root.Object("data") is { } data && IsPush(data) ? data : null;

    public PushMessage? TryRead(JsonElement root, string? module, string body)
    {
        if (IsPush(root)) return Read(root, module, body);
        // A line of a push-failure file names its module beside the push.
        return FailedPush(root) is { } push ? Read(push, module ?? root.Text("module"), body) : null;
    }

    private static PushMessage Read(JsonElement push, string? module, string body)
    {
        var callUuid = push.Text("call_uuid") ?? throw PushPreview.NotAPush(body, "the yeta push's call_uuid is empty.");
        var kind = module is null ? Detect(push) : FromModule(module, body);
        if (kind is null)
            throw PushPreview.NotAPush(body,
                $"the yeta push with call_uuid has none of the fields of {CallRecordModule} (direction, time_hangup), {VoiceModule} (url) or {DialogModule} (dialog).");
        return PushMessage.Partial(IFlytekVendor.Id, kind.Value, new IFlytekPushPart(kind.Value, callUuid, push.Clone()));
    }

    private static PushKind? Detect(JsonElement push)
    {
        if (push.Array("dialog") is not null) return PushKind.IFlytekDialog;
        if (push.Text("url") is not null) return PushKind.IFlytekVoice;
        foreach (var name in CallRecordFields)
            if (push.Member(name) is not null) return PushKind.IFlytekCallRecord;
        return null;
    }

    private static PushKind FromModule(string module, string body) => module.Trim() switch
    {
        var name when Is(name, CallRecordModule) => PushKind.IFlytekCallRecord,
        var name when Is(name, VoiceModule) => PushKind.IFlytekVoice,
        var name when Is(name, DialogModule) => PushKind.IFlytekDialog,
        _ => throw PushPreview.NotAPush(body,
            $"module '{module}' is not a yeta push OutboundPS reads ({CallRecordModule}, {VoiceModule}, {DialogModule}).")
    };

    private static bool Is(string name, string module) => string.Equals(name, module, StringComparison.OrdinalIgnoreCase);
}
