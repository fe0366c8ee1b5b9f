using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Sessions;

namespace OutboundPS.Results;

/// <summary>Where Get-OutboundCallRecord's reads start: the session's client, checked before anything is sent.</summary>
internal static class CallRecordReads
{
    internal static ICallRecordStream Open(OutboundSession session, CallRecordQuery query, CancellationToken stopping)
    {
        var client = session.Client;
        switch (query.Source)
        {
            case CallRecordSource.MissedCallbacks when query.Since > query.Until:
                throw OutboundErrors.InvalidArgument("Since", query.Since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    $"is after -Until ({query.Until:yyyy-MM-dd}).", "Pass a -Since on or before -Until.");
            case CallRecordSource.FailedPushes:
                var files = FailedPushFiles.Of(client, query.FailedPushDate, VendorTime.InChina(DateTimeOffset.UtcNow).Date);
                return new PushRecordStream(files.NextAsync, query.Filter, stopping);
            case CallRecordSource.Finished when session.SandboxPushes is { } kept && client.Descriptor.MissingOperations.ContainsKey(Contract.VendorOperation.ReadCallRecords):
                // A convenience of the in-process sandbox only (docs/design.md#call-results): a vendor that reports results only by
                // push has no list to read, so the pushes the simulator made for the task are converted instead.
                return new PushRecordStream(Once(() => kept(query.Filter.TaskId)), query.Filter, stopping);
        }

        return new CallRecordReader(client, query, stopping);
    }

    /// <summary>One batch, then the end.</summary>
    private static Func<CancellationToken, Task<IReadOnlyList<string>?>> Once(Func<IReadOnlyList<string>> bodies)
    {
        var given = false;
        return _ =>
        {
            if (given) return Task.FromResult<IReadOnlyList<string>?>(null);
            given = true;
            return Task.FromResult<IReadOnlyList<string>?>(bodies());
        };
    }
}
