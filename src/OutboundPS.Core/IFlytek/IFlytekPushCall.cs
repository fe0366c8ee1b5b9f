using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OutboundPS.Contract;
using OutboundPS.Import;
using OutboundPS.Json;

namespace OutboundPS.IFlytek;

/// <summary>
/// The pushes of one yeta call, merged by call_uuid (docs/vendors/iflytek.md#push-delivery): up to two records (basic
/// and outbound, either first), the recording and the dialog, into one call record.
/// </summary>
internal sealed class IFlytekPushCall : IPushCall
{
    /// <summary>
    /// Recording paths come relative in every example; the only base the docs show is this one, in a remark
    /// (docs/vendors/iflytek.md#quirk-recording-url). -RecordingBaseUri replaces it.
    /// </summary>
    internal static readonly Uri DefaultRecordingBase = new("http://voice.kxjlcc.com:9000/");

    private JsonElement? _outboundRecord;
    private JsonElement? _basicRecord;
    private bool _basicRecordIsInbound;
    private JsonElement? _voice;
    private JsonElement? _dialog;

    internal IFlytekPushCall(string callUuid) => CallUuid = callUuid;

    internal string CallUuid { get; }

    /// <summary>Adds a part; a part delivered again (yeta retries) replaces the one it repeats.</summary>
    public void Add(IPushPart added)
    {
        var part = (IFlytekPushPart)added;
        switch (part.Kind)
        {
            case PushKind.IFlytekCallRecord when part.IsOutboundRecord:
                _outboundRecord = part.Body;
                break;
            case PushKind.IFlytekCallRecord:
                _basicRecord = part.Body;
                _basicRecordIsInbound = part.IsInboundRecord;
                break;
            case PushKind.IFlytekVoice:
                _voice = part.Body;
                break;
            case PushKind.IFlytekDialog:
                _dialog = part.Body;
                break;
        }
    }

    /// <summary>
    /// Every part this call can have is in: the outbound record (a superset of the basic one; an inbound call has only
    /// the basic one), the recording and the dialog. A later part could add nothing.
    /// </summary>
    public bool IsComplete =>
        (_outboundRecord is not null || _basicRecordIsInbound) && _voice is not null && _dialog is not null;

    public OutboundCallRecord ToRecord(PushOptions options)
    {
        var recordingBase = options.RecordingBaseUri ?? DefaultRecordingBase;
        var inbound = Int32("direction") == 1;
        var result = Int32("task_result");
        var answeredAt = VendorTime.FromEpochMilliseconds(Int64("time_answer"));
        var phone = Text(inbound ? "caller" : "callee");
        var (variables, name) = RowOf(_outboundRecord, phone);
        var tagMax = _dialog?.Text("tag_max");
        var transcript = _dialog?.Array("dialog") is { } turns ? TranscriptOf(turns, _dialog.Value.Int64("time_begin")) : null;
        return new OutboundCallRecord(IFlytekVendor.Id)
        {
            TaskId = Text("task_id"),
            CallId = CallUuid,
            DataId = Text("task_data_id"),
            Phone = phone,
            Region = PhoneInspection.RegionOf(phone),
            Name = name,
            VendorStatus = result,
            // Without a result code (inbound calls, the basic record alone) a non-zero time_answer is what says the
            // call connected (docs/vendors/iflytek.md#receivecallrecord).
            Outcome = result is not null ? IFlytekOutcomeMap.ToOutcome(result) : answeredAt is not null ? CallOutcome.Answered : CallOutcome.Unknown,
            VendorStatusText = Text("task_result_desc"),
            // yeta has no fixed levels: tag_max is the highest tag reached, a letter in the examples (docs/vendors/iflytek.md#intent-tags).
            Intent = IntentLevel.Letter(tagMax) is { } letter && tagMax!.Trim().Length == 1 ? letter : null,
            IntentLabel = tagMax,
            Duration = (RecordInt64("duration_call") ?? _voice?.Int64("duration")) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Rounds = transcript?.Count(u => u.Speaker == CallSpeaker.Robot),
            Dialled = VendorTime.FromEpochMilliseconds(Int64("time_dial")),
            Answered = answeredAt,
            HungUp = VendorTime.FromEpochMilliseconds(Int64("time_hangup")),
            Tries = Int32("task_tries"),
            RecordingUri = RecordingOf(_voice?.Text("url"), recordingBase),
            Variables = variables,
            Transcript = transcript,
        };
    }

    /// <summary>The parts in the order their fields are trusted: the outbound record is the fullest.</summary>
    private IEnumerable<JsonElement> Parts()
    {
        if (_outboundRecord is { } outbound) yield return outbound;
        if (_basicRecord is { } basic) yield return basic;
        if (_dialog is { } dialog) yield return dialog;
        if (_voice is { } voice) yield return voice;
    }

    private string? Text(string name) => Parts().Select(p => p.Text(name)).FirstOrDefault(v => v is not null);

    private long? Int64(string name) => Parts().Select(p => p.Int64(name)).FirstOrDefault(v => v is not null);

    private int? Int32(string name) => Parts().Select(p => p.Int32(name)).FirstOrDefault(v => v is not null);

    private long? RecordInt64(string name) => _outboundRecord?.Int64(name) ?? _basicRecord?.Int64(name);

    /// <summary>
    /// task_row_head / task_row_value as submitted (arrays, or JSON text in a string): the customer's variables, without
    /// the phone column; the name, when a column is named like one (the names Import-OutboundCustomer recognises).
    /// </summary>
    private static (IReadOnlyDictionary<string, string> Variables, string? Name) RowOf(JsonElement? record, string? phone)
    {
        if (record?.Array("task_row_head") is not { } head || record.Value.Array("task_row_value") is not { } values)
            return (OutboundCallRecord.EmptyVariables, null);
        var names = head.EnumerateArray().Select(JsonFields.AsText).ToList();
        var cells = values.EnumerateArray().Select(JsonFields.AsText).ToList();
        var phoneColumn = names.FindIndex(n => n is not null && CustomerColumnNames.Phone.Contains(n.Trim(), StringComparer.OrdinalIgnoreCase));
        if (phoneColumn < 0) phoneColumn = cells.FindIndex(c => c is not null && c == phone);
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? customerName = null;
        for (var i = 0; i < names.Count && i < cells.Count; i++)
        {
            if (i == phoneColumn || names[i] is not { } column) continue;
            variables[column] = cells[i] ?? string.Empty;
            if (customerName is null && CustomerColumnNames.IsName(column.Trim())) customerName = cells[i];
        }

        return (variables.Count == 0 ? OutboundCallRecord.EmptyVariables : variables, customerName);
    }

    /// <summary>dialog[]: role robot says text_robot, customer says text_man; offsets from time_begin where both are given.</summary>
    private static IReadOnlyList<CallUtterance> TranscriptOf(JsonElement turns, long? begin)
    {
        var ordered = turns.EnumerateArray().Select((turn, index) => (Turn: turn, Seq: turn.Int64("seq") ?? index, Index: index))
            .OrderBy(t => t.Seq).ThenBy(t => t.Index).Select(t => t.Turn);
        var transcript = new List<CallUtterance>();
        foreach (var turn in ordered)
        {
            var robotText = turn.Text("text_robot");
            var customerText = turn.Text("text_man");
            var start = turn.Int64("time_start");
            var offset = begin is > 0 && start is > 0 && start >= begin ? TimeSpan.FromMilliseconds(start.Value - begin.Value) : (TimeSpan?)null;
            void Say(CallSpeaker speaker, string? text)
            {
                if (text is not null) transcript.Add(new CallUtterance(speaker, text) { Offset = offset, Intent = turn.Text("tag_name") });
            }

            switch (turn.Text("role")?.Trim().ToLowerInvariant())
            {
                case "robot":
                    Say(CallSpeaker.Robot, robotText ?? customerText);
                    break;
                case "customer":
                    Say(CallSpeaker.Customer, customerText ?? robotText);
                    break;
                default:
                    // No role: a node can hold both the robot's prompt and the customer's answer.
                    Say(CallSpeaker.Robot, robotText);
                    Say(CallSpeaker.Customer, customerText);
                    break;
            }
        }

        return transcript;
    }

    private static Uri? RecordingOf(string? url, Uri recordingBase)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var text = url!.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            return absolute;
        return Uri.TryCreate(recordingBase, text.TrimStart('/'), out var resolved) ? resolved : null;
    }
}
