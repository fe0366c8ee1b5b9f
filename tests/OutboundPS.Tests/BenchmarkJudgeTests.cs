using System.IO;
using OutboundPS.Benchmarks;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>The benchmarks' judge (tests/OutboundPS.Benchmarks): a figure on the wrong side of its target fails the run.</summary>
public sealed class BenchmarkJudgeTests
{
    [Fact]
    public void Figures_at_or_beyond_their_targets_pass()
    {
        var output = new StringWriter();
        var judge = new Judge(output);
        judge.Check("throughput at the bar", 90, Targets.ImportThroughput);
        judge.Check("peak at the bar", 150, Targets.PeakWorkingSet);
        judge.Check("live heap", 1.2, Targets.LiveHeap);
        judge.PrintVerdicts();

        Assert.Equal(0, judge.ExitCode);
        Assert.DoesNotContain("MISS", output.ToString());
        Assert.Matches(@"throughput at the bar +90\.0 % +>= 90 % +PASS", output.ToString());
    }

    [Theory]
    [InlineData(89.9, 1.0)] // too slow
    [InlineData(92.0, 3.1)] // too much kept
    public void One_missed_target_among_passes_fails_the_run(double throughput, double liveHeap)
    {
        var output = new StringWriter();
        var judge = new Judge(output);
        judge.Check("throughput", throughput, Targets.ImportThroughput);
        judge.Check("peak", 80, Targets.PeakWorkingSet);
        judge.Check("live heap", liveHeap, Targets.LiveHeap);
        judge.PrintVerdicts();
        judge.PrintSummary();

        Assert.Equal(1, judge.ExitCode);
        Assert.Equal(1, judge.Missed);
        Assert.Contains("MISS", output.ToString());
        Assert.Contains("1 of 3 figures missed their targets.", output.ToString());
    }
}
