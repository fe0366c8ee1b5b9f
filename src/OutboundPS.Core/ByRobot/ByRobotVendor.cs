using System;
using System.Collections.Generic;
using System.Security;
using OutboundPS.Contract;
using OutboundPS.Http;

namespace OutboundPS.ByRobot;

/// <summary>BYRobot, in one place (docs/vendors/byrobot.md).</summary>
internal sealed class ByRobotVendor : VendorDescriptor
{
    /// <summary>The vendor's key.</summary>
    internal static readonly OutboundVendor Id = new("ByRobot");

    /// <summary>The largest getTasks pageSize.</summary>
    internal const int PageSize = 100;

    /// <summary>The largest queryDoneTaskPhones / notDialedCustomerList pageSize.</summary>
    internal const int RecordPageSize = 50;

    /// <summary>The largest queryUnCallBack pageSize.</summary>
    internal const int MissedPageSize = 500;

    /// <summary>The sms/template/list pageSize: the page is required and its maximum undocumented, so 50 like the other lists.</summary>
    internal const int SmsTemplatePageSize = 50;

    /// <summary>blacklistInfoGroupId of the default group, where company/addBlackList puts numbers (docs/vendors/byrobot.md#companyblacklistgrouplist).</summary>
    internal const long DefaultBlacklistGroup = -1;

    /// <summary>
    /// Numbers a company/addBlackList/batch request carries by default. Its limit is undocumented: 500 is the import's
    /// default batch (docs/vendors/byrobot.md#import-batches), far below the 10,000 customers the vendor documents for an
    /// import, and small enough that a short batch costs one read-back of a few pages.
    /// </summary>
    internal const int BlacklistBatchSize = 500;

    /// <summary>The most -BatchSize allows: the import's documented 10,000, since the batch's own limit is undocumented.</summary>
    internal const int BlacklistBatchLimit = 10_000;

    /// <summary>The blacklist/info/page pageSize: the default is 20 and the maximum undocumented, so 50 like the record lists.</summary>
    internal const int BlacklistPageSize = 50;

    internal override OutboundVendor Vendor => Id;

    internal override string DisplayName => "BYRobot";

    /// <summary>The documented address is plain http (docs/vendors/byrobot.md#addresses); -BaseUri https://api.byrobot.cn/ where it works.</summary>
    internal override Uri DefaultBaseUri { get; } = new("http://api.byrobot.cn/");

    internal override bool HasCompanies => true;

    /// <summary>sign travels as a header and is never logged; listed so that a query carrying it is redacted too.</summary>
    internal override IReadOnlyCollection<string> SecretNames { get; } = new[] { "sign" };

    /// <summary>
    /// Up to 10,000 customers a request, 500 by default so progress and failures stay fine-grained; 1–5 redials; 50 finished
    /// or pending numbers and 500 missed callbacks a page (docs/vendors/byrobot.md#taskquerydonetaskphones).
    /// </summary>
    internal override VendorLimits Limits { get; } = new()
    {
        DefaultBatchSize = 500, MaxBatchSize = 10_000, MaxRecallCount = 5, CallRecordPageSize = RecordPageSize, MissedCallbackPageSize = MissedPageSize,
    };

    /// <summary>BYRobot requires a name with every customer, and its counts cannot say which row of a batch failed.</summary>
    internal override CustomerRules CustomerRules { get; } = new() { VendorName = "BYRobot", AcceptsLandlines = true, RequiresName = true };

    internal override IReadOnlyDictionary<VendorOperation, string> MissingOperations { get; } = new Dictionary<VendorOperation, string>
    {
        [VendorOperation.ReadFailedPushes] = "BYRobot lists the callbacks it could not deliver instead: Get-OutboundCallRecord -MissedCallback -Since <date>.",
    };

    internal override IReadOnlyDictionary<TaskOption, string> RefusedTaskOptions { get; } = new Dictionary<TaskOption, string>
    {
        [TaskOption.EndTime] = "BYRobot tasks end when every customer is called; stop one early with Stop-OutboundTask.",
        [TaskOption.Voice] = "The robot's recording sets the voice; use -SceneRecordId.",
    };

    internal override IReadOnlyDictionary<CallOption, string> RefusedCallOptions { get; } = new Dictionary<CallOption, string>
    {
        [CallOption.Line] = "BYRobot single calls use the company's lines; omit it.",
        [CallOption.Voice] = "The robot's recording sets the voice; use -SceneRecordId.",
    };

    internal override IPushReader PushReader { get; } = new ByRobotPushReader();

    internal override IVendorClient CreateClient(OutboundSession session, SecureString appSecret, TransportOptions options, Func<DateTimeOffset>? clock) =>
        new ByRobotClient(session, appSecret, options, clock);
}
