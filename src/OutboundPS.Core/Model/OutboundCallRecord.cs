using System;
using System.Collections.Generic;

namespace OutboundPS;

/// <summary>
/// What happened to one call attempt, in one flat shape for both vendors: read back with Get-OutboundCallRecord or
/// converted from the vendor's push with ConvertFrom-OutboundPush. Phone, Name and Variables bind as a customer row,
/// so records pipe straight into Import-OutboundCustomer for a recall task.
/// </summary>
public sealed class OutboundCallRecord
{
    internal OutboundCallRecord(OutboundVendor vendor)
    {
        Vendor = vendor;
    }

    /// <summary>The platform that placed the call.</summary>
    public OutboundVendor Vendor { get; }

    /// <summary>The task the call belongs to, where known.</summary>
    public string? TaskId { get; internal set; }

    /// <summary>The vendor's id of the call (BYRobot callInstanceId, yeta call_uuid).</summary>
    public string? CallId { get; internal set; }

    /// <summary>The vendor's id of the customer row (yeta task_data_id: what Import-OutboundCustomer returned as DataId).</summary>
    public string? DataId { get; internal set; }

    /// <summary>The number called.</summary>
    public string? Phone { get; internal set; }

    /// <summary>
    /// The province and city of the number called (北京市, 安徽省合肥市), by libphonenumber's offline geocoder, as
    /// Test-OutboundPhone gives it; null when the number is not one OutboundPS would dial. Filled where the record is
    /// made, through the per-range cache.
    /// </summary>
    public string? Region { get; internal set; }

    /// <summary>The customer's name, where known.</summary>
    public string? Name { get; internal set; }

    /// <summary>How the call ended, unified.</summary>
    public CallOutcome Outcome { get; internal set; } = CallOutcome.Unknown;

    /// <summary>The vendor's raw result code (BYRobot finishStatus, yeta task_result), kept even when unknown.</summary>
    public int? VendorStatus { get; internal set; }

    /// <summary>The vendor's words for the result, where it gives them (yeta task_result_desc).</summary>
    public string? VendorStatusText { get; internal set; }

    /// <summary>The intent level letter A–F the robot gave the customer, where the vendor gives one.</summary>
    public string? Intent { get; internal set; }

    /// <summary>The intent level as the vendor words it (for example A级(有明确意向)).</summary>
    public string? IntentLabel { get; internal set; }

    /// <summary>Tags the robot gave the customer; reads as the tags joined with "; ".</summary>
    public IReadOnlyList<string> Tags { get => _tags; internal set => _tags = ItemList<string>.Of(value); }
    private ItemList<string> _tags = ItemList<string>.NoItems;

    /// <summary>Talk time.</summary>
    public TimeSpan? Duration { get; internal set; }

    /// <summary>Conversation rounds (robot turns).</summary>
    public int? Rounds { get; internal set; }

    /// <summary>When the call was dialled (UTC+8).</summary>
    public DateTimeOffset? Dialled { get; internal set; }

    /// <summary>When the customer picked up (UTC+8); null when nobody did.</summary>
    public DateTimeOffset? Answered { get; internal set; }

    /// <summary>When the call ended (UTC+8).</summary>
    public DateTimeOffset? HungUp { get; internal set; }

    /// <summary>How many times the number has been redialled (BYRobot secondaryCallTimes, yeta task_tries).</summary>
    public int? Tries { get; internal set; }

    /// <summary>Where the recording can be fetched.</summary>
    public Uri? RecordingUri { get; internal set; }

    /// <summary>The robot variables sent for the customer, where the vendor returns them; reads as "金额=500; 姓名=张三".</summary>
    public IReadOnlyDictionary<string, string> Variables { get => _variables; internal set => _variables = NameValueMap.Of(value); }
    private NameValueMap _variables = NameValueMap.NoItems;

    /// <summary>
    /// The conversation, with -IncludeTranscript (and in pushes that carry it); reads as one "Speaker: text" line per
    /// turn, so a CSV cell holds the conversation as it went.
    /// </summary>
    public IReadOnlyList<CallUtterance>? Transcript
    {
        get => _transcript;
        internal set => _transcript = value is null ? null : ItemList<CallUtterance>.Of(value, TranscriptSeparator);
    }

    private ItemList<CallUtterance>? _transcript;

    // A line per turn: a conversation's turns read top to bottom, and the text itself often holds semicolons.
    private const string TranscriptSeparator = "\n";

    internal static readonly IReadOnlyDictionary<string, string> EmptyVariables = NameValueMap.NoItems;

    /// <summary>Where the variables can be read, when the list the record came from carried none; null once known.</summary>
    internal ICallVariableSource? VariableReads { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Vendor} call {CallId} to {Phone}: {Outcome}";
}
