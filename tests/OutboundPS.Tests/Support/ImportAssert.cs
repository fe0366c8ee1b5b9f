using System;
using System.Linq;
using OutboundPS.Import;
using Xunit;

namespace OutboundPS.Tests.Support;

/// <summary>What every import owes its user, however it ended.</summary>
internal static class ImportAssert
{
    /// <summary>Every row in exactly one outcome, the records agree with the summary, and each batch is wholly one outcome.</summary>
    internal static void EveryRowOnce(OutboundImportResult result)
    {
        Assert.Equal(result.Submitted, result.Accepted + result.Rejected + result.Failed + result.Unknown);
        foreach (var outcome in Enum.GetValues<ImportOutcome>())
            Assert.Equal(result.Rows.Count(r => r.Outcome == outcome), outcome switch
            {
                ImportOutcome.Accepted => result.Accepted,
                ImportOutcome.Rejected => result.Rejected,
                ImportOutcome.Failed => result.Failed,
                _ => result.Unknown,
            });
        Assert.All(result.Rows.Where(r => r.Batch > 0).GroupBy(r => r.Batch), batch => Assert.Single(batch.Select(r => r.Outcome).Distinct()));
    }
}
