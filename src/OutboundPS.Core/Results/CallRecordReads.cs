using System.Threading;
using OutboundPS.Sessions;

namespace OutboundPS.Results;

/// <summary>Where Get-OutboundCallRecord's reads start: the session's client, checked before anything is sent.</summary>
internal static class CallRecordReads
{
    internal static CallRecordReader Open(OutboundSession session, CallRecordQuery query, CancellationToken stopping)
    {
        if (query.Source == CallRecordSource.MissedCallbacks && query.Since > query.Until)
            throw OutboundErrors.InvalidArgument("Since", query.Since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                $"is after -Until ({query.Until:yyyy-MM-dd}).", "Pass a -Since on or before -Until.");
        return new CallRecordReader(session.Client, query, stopping);
    }
}
