using OutboundPS.Results;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>Get-OutboundCallRecord reads what its switches say, whatever parameter set PowerShell bound.</summary>
public sealed class CallRecordSourcesTests
{
    [Theory]
    [InlineData(false, false, false, false, "Finished")]
    [InlineData(true, false, false, false, "Pending")]
    [InlineData(false, true, true, false, "MissedCallbacks")]
    [InlineData(false, false, false, true, "FailedPushes")]
    public void Choose_FollowsTheSwitchesGivenAsTrue(bool pending, bool missed, bool since, bool failedPushDate, string expected) =>
        Assert.Equal(expected, CallRecordSources.Choose(pending, missed, since, failedPushDate, callFiltersGiven: false).ToString());

    [Theory]
    [InlineData(true, false, false, true, "OutboundPS.InvalidArgument.Pending", "-Outcome")]
    [InlineData(false, true, false, false, "OutboundPS.InvalidArgument.MissedCallback", "-Since")]
    [InlineData(false, false, true, false, "OutboundPS.InvalidArgument.Since", "-MissedCallback")]
    public void Choose_RefusesWhatCannotGoTogether_NamingTheParameterAndTheFix(bool pending, bool missed, bool since, bool filters, string errorId, string fix)
    {
        var error = Assert.Throws<OutboundException>(() => CallRecordSources.Choose(pending, missed, since, false, filters));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains(fix, error.RecommendedAction);
    }
}
