using System;
using System.Collections.Generic;
using System.Security;
using OutboundPS.Contract;
using OutboundPS.Http;

namespace OutboundPS.Tests.StubVendor;

/// <summary>
/// A third vendor, made of a descriptor, a client and a simulator in this folder only: registered once for the whole
/// test run (StubVendorRegistration), so every test that runs "for every vendor" also runs for it.
/// </summary>
internal sealed class StubVendorDescriptor : VendorDescriptor
{
    internal static readonly OutboundVendor Id = new("Stub");

    internal override OutboundVendor Vendor => Id;

    internal override string DisplayName => "Stub";

    internal override Uri DefaultBaseUri { get; } = new("http://stub.invalid/");

    internal override IReadOnlyCollection<string> SecretNames { get; } = new[] { "key" };

    internal override VendorLimits Limits { get; } = new() { DefaultBatchSize = 25, MaxBatchSize = 50, MaxRecallCount = 1 };

    internal override CustomerRules CustomerRules { get; } = new() { VendorName = "Stub", AcceptsLandlines = true };

    internal override IReadOnlyDictionary<VendorOperation, string> MissingOperations { get; } = new Dictionary<VendorOperation, string>
    {
        [VendorOperation.StopTask] = "Use Suspend-OutboundTask or Remove-OutboundTask.",
        [VendorOperation.ReadCallRecords] = "The stub keeps no results; use ConvertFrom-OutboundPush.",
        [VendorOperation.ReadFailedPushes] = "The stub keeps no results; use Get-OutboundCallRecord -MissedCallback.",
        [VendorOperation.ReadSeats] = "The stub has no seats; Get-OutboundLine shows each line's concurrency.",
        [VendorOperation.ReadSmsTemplates] = "The stub sends no SMS; omit -SendSms.",
        [VendorOperation.Blocklists] = "The stub keeps no blocklist; use -ExcludePhonePath or -ExcludePhone.",
    };

    internal override IReadOnlyDictionary<TaskOption, string> RefusedTaskOptions { get; } = new Dictionary<TaskOption, string>
    {
        [TaskOption.Voice] = "The stub has one voice; omit it.",
        [TaskOption.SceneId] = "Omit it.",
    };

    internal override IReadOnlyDictionary<CallOption, string> RefusedCallOptions { get; } = new Dictionary<CallOption, string>
    {
        [CallOption.CustomerId] = "Give the -Phone.",
    };

    internal override IVendorClient CreateClient(OutboundSession session, SecureString appSecret, TransportOptions options, Func<DateTimeOffset>? clock) =>
        new StubClient(session, appSecret, options);
}
