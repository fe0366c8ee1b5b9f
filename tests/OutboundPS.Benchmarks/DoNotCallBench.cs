using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OutboundPS.Import;

namespace OutboundPS.Benchmarks;

/// <summary>
/// A 1,000,000-number do-not-call list (-ExcludePhonePath): how long it takes to read, what it adds to the process, and
/// what it costs an import that checks every row against it.
/// </summary>
internal static class DoNotCallBench
{
    internal const int ListSize = 1_000_000;

    /// <summary>Rows of the import measured with and without the list (issue 18: 100,000).</summary>
    internal const int ImportRows = 100_000;

    /// <summary>Runs of each kind, alternated, so that a noisy neighbour slows both alike; the medians are compared.</summary>
    private const int Runs = 7;

    /// <summary>
    /// Writes the list: numbers spread over every mobile range (130… to 199…), about one per 7,000, which is the worst
    /// case for the set's memory (few numbers per 65,536-number block); one in ten written +86 138-0013-8000 style.
    /// None is a SyntheticRow's number (130 0000 0000 + row, rows below 100,000), so every row of the import is sent.
    /// </summary>
    internal static void WriteList(string path)
    {
        using var writer = new StreamWriter(path);
        for (var k = 0; k < ListSize; k++)
        {
            var phone = (13_000_100_000L + k * 6_993L).ToString(CultureInfo.InvariantCulture);
            writer.WriteLine(k % 10 == 0 ? $"+86 {phone.Substring(0, 3)}-{phone.Substring(3, 4)}-{phone.Substring(7)}" : phone);
        }
    }

    /// <summary>Reads the list in a fresh process: seconds, working set added at its peak, live heap added; all bytes.</summary>
    internal static (double Seconds, long AddedPeak, long AddedLive) Load(string path)
    {
        WriteList(path);
        var process = Process.GetCurrentProcess();
        var liveBefore = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        var setBefore = process.WorkingSet64;
        var watch = Stopwatch.StartNew();
        var list = DoNotCallList.Load(null, new[] { path })!;
        watch.Stop();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        var liveAfter = GC.GetTotalMemory(forceFullCollection: true);
        if (list.Count != ListSize) throw new InvalidOperationException($"The list holds {list.Count} numbers, not {ListSize}.");
        GC.KeepAlive(list);
        return (watch.Elapsed.TotalSeconds, peak - setBefore, liveAfter - liveBefore);
    }

    /// <summary>
    /// Imports <see cref="ImportRows"/> rows on one core into the zero-latency in-process sandbox, alternately without and
    /// with the list; returns the median rows per second of the process's CPU time of each. CPU time, not wall time: on a
    /// machine shared with other work the wall clock measures the neighbours (runs of one kind varied twofold).
    /// </summary>
    internal static async Task<(double Without, double With)> ImportAsync(OutboundVendor vendor, string path)
    {
        WriteList(path);
        var list = DoNotCallList.Load(null, new[] { path })!;
        await Scenario.ImportAsync(vendor, ImportRows, 1, TimeSpan.Zero); // warm-up, both paths
        await Scenario.ImportAsync(vendor, ImportRows, 1, TimeSpan.Zero, doNotCall: list);
        var without = new List<double>();
        var with = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            without.Add(await RowsPerCpuSecondAsync(() => Scenario.ImportAsync(vendor, ImportRows, 1, TimeSpan.Zero)));
            with.Add(await RowsPerCpuSecondAsync(() => Scenario.ImportAsync(vendor, ImportRows, 1, TimeSpan.Zero, doNotCall: list)));
        }

        return (Median(without), Median(with));
    }

    private static async Task<double> RowsPerCpuSecondAsync(Func<Task> import)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        await import();
        process.Refresh();
        return ImportRows / (process.TotalProcessorTime - before).TotalSeconds;
    }

    private static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
}
