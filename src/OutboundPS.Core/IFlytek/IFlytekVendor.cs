using System;
using System.Collections.Generic;
using System.Security;
using OutboundPS.Contract;
using OutboundPS.Http;

namespace OutboundPS.IFlytek;

/// <summary>iFlytek yeta, in one place (docs/vendors/iflytek.md).</summary>
internal sealed class IFlytekVendor : VendorDescriptor
{
    /// <summary>The vendor's key.</summary>
    internal static readonly OutboundVendor Id = new("IFlytek");

    /// <summary>Rows a task/insert or task/callout request may carry.</summary>
    internal const int RowLimit = 50;

    /// <summary>The largest task/query page_size (and config/query pageSize).</summary>
    internal const int PageSize = 50;

    private const string OmitIt = "Omit it for IFlytek tasks.";

    internal override OutboundVendor Vendor => Id;

    internal override string DisplayName => "iFlytek";

    /// <summary>The API lives under openapi/ on www.xfyeta.com and under v1/service/v1/aicall/ on the iFlytek mirror: the prefix belongs to the address.</summary>
    internal override Uri DefaultBaseUri { get; } = new("https://www.xfyeta.com/openapi/");

    internal override IReadOnlyCollection<string> SecretNames { get; } = new[] { "token", "app_secret" };

    internal override VendorLimits Limits { get; } = new() { DefaultBatchSize = RowLimit, MaxBatchSize = RowLimit, MaxRecallCount = 3 };

    /// <summary>The first column of a yeta row is the customer's mobile, and one row that is not fails its whole batch.</summary>
    internal override CustomerRules CustomerRules { get; } = new()
    {
        VendorName = "iFlytek",
        AcceptsLandlines = false,
        LandlineRefusal = "takes only mobiles: the first column of every row is the customer's mobile, and one row that is not would fail its whole batch.",
    };

    internal override IReadOnlyDictionary<VendorOperation, string> MissingOperations { get; } = new Dictionary<VendorOperation, string>
    {
        [VendorOperation.UpdateTask] = "Remove the task with Remove-OutboundTask and create it again with New-OutboundTask.",
        [VendorOperation.StopTask] = "Use Suspend-OutboundTask to pause it (Start-OutboundTask resumes it) or Remove-OutboundTask to end it for good.",
        [VendorOperation.ReadCallRecords] = "yeta reports results only by push: receive them with Receive-OutboundPush, or convert what your web endpoint " +
            "stored with ConvertFrom-OutboundPush; pushes yeta could not deliver are read with Get-OutboundCallRecord -FailedPushDate.",
        [VendorOperation.ReadSeats] = "iFlytek dials at each line's own concurrency: Get-OutboundLine shows it.",
        [VendorOperation.ReadSmsTemplates] = "yeta has no SMS templates in its API; sending SMS from a task (New-OutboundTask -SendSms) is BYRobot only.",
        [VendorOperation.Blocklists] = "yeta keeps no blocklist in its API: keep the numbers in a file and leave them out of every import and call " +
            "with -ExcludePhonePath (or -ExcludePhone for a few numbers) on Import-OutboundCustomer and Invoke-OutboundCall.",
    };

    internal override IReadOnlyDictionary<TaskOption, string> RefusedTaskOptions { get; } = new Dictionary<TaskOption, string>
    {
        [TaskOption.Concurrency] = "iFlytek dials at the lines' own concurrency; omit it.",
        [TaskOption.SceneId] = OmitIt,
        [TaskOption.SceneRecordId] = OmitIt,
        [TaskOption.CallType] = OmitIt,
        [TaskOption.SendSms] = OmitIt,
        [TaskOption.Remark] = OmitIt,
    };

    internal override IReadOnlyDictionary<CallOption, string> RefusedCallOptions { get; } = new Dictionary<CallOption, string>
    {
        [CallOption.CustomerId] = "Give the customer's -Phone instead.",
        [CallOption.SceneId] = "Omit it.",
        [CallOption.SceneRecordId] = "Omit it.",
    };

    /// <summary>A bare host (https://host/) means the documented layout, https://host/openapi/.</summary>
    internal override Uri NormalizeBaseUri(Uri uri)
    {
        var normalized = base.NormalizeBaseUri(uri);
        return normalized.AbsolutePath == "/" ? new Uri(normalized, "openapi/") : normalized;
    }

    internal override IPushReader PushReader { get; } = new IFlytekPushReader();

    internal override IVendorClient CreateClient(OutboundSession session, SecureString appSecret, TransportOptions options, Func<DateTimeOffset>? clock) =>
        new IFlytekClient(session, appSecret, options, clock);
}
