namespace OutboundPS.Results;

/// <summary>Which records Get-OutboundCallRecord reads, from its switches' values (a switch given as $false is left out).</summary>
internal static class CallRecordSources
{
    /// <param name="pending">-Pending.</param>
    /// <param name="missedCallback">-MissedCallback.</param>
    /// <param name="sinceGiven">-Since (and -Until) were given: they belong to -MissedCallback.</param>
    /// <param name="failedPushDate">-FailedPushDate was given.</param>
    /// <param name="callFiltersGiven">-Outcome, -Intent, -MinDuration or -IncludeTranscript was given.</param>
    internal static CallRecordSource Choose(bool pending, bool missedCallback, bool sinceGiven, bool failedPushDate, bool callFiltersGiven)
    {
        if (pending && callFiltersGiven)
            throw OutboundErrors.InvalidArgument("Pending", true, "lists the numbers not dialled yet, which have no outcome, intent, duration or transcript.",
                "Leave -Outcome, -Intent, -MinDuration and -IncludeTranscript out with -Pending.");
        if (missedCallback && !sinceGiven)
            throw OutboundErrors.InvalidArgument("MissedCallback", true, "reads the missed callbacks of a span of days, and -Since was not given.",
                "Give -Since with the first day (China time), and -Until with the last if not today.");
        if (!missedCallback && sinceGiven)
            throw OutboundErrors.InvalidArgument("Since", null, "applies only to -MissedCallback, which was left out or given as $false.",
                "Give -MissedCallback with -Since, or leave -Since and -Until out.");
        if (pending) return CallRecordSource.Pending;
        if (missedCallback) return CallRecordSource.MissedCallbacks;
        return failedPushDate ? CallRecordSource.FailedPushes : CallRecordSource.Finished;
    }
}
