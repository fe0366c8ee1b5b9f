using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace OutboundPS.Benchmarks;

/// <summary>
/// Compares each figure with its target. The verdicts are printed after a section's table rather than in it, so the
/// table stays as the README records it; one miss anywhere makes the run's exit code 1.
/// </summary>
internal sealed class Judge
{
    private readonly TextWriter _output;
    private readonly List<string> _pending = new();

    internal Judge(TextWriter output) => _output = output;

    internal int Judged { get; private set; }

    internal int Missed { get; private set; }

    internal int ExitCode => Missed == 0 ? 0 : 1;

    internal void Check(string figure, double value, Target target)
    {
        var met = target.IsMetBy(value);
        Judged++;
        if (!met) Missed++;
        _pending.Add(string.Create(CultureInfo.InvariantCulture, $"{figure,-34} {target.Show(value),18} {target.ToString(),18}   {(met ? "PASS" : "MISS")}"));
    }

    /// <summary>Prints the verdicts checked since the last call, one a line.</summary>
    internal void PrintVerdicts()
    {
        _output.WriteLine();
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"figure",-34} {"measured",18} {"target",18}   verdict"));
        foreach (var line in _pending) _output.WriteLine(line);
        _pending.Clear();
    }

    internal void PrintSummary() => _output.WriteLine(Missed == 0
        ? $"All {Judged} figures met their targets."
        : $"{Missed} of {Judged} figures missed their targets.");
}
