using System;
using System.Collections.Generic;

namespace OutboundPS.Sandbox;

/// <summary>How far a simulated task has dialled its customers, at a given concurrency, as the clock moves.</summary>
internal sealed class DiallingProgress
{
    /// <summary>Simulated seconds one call occupies a line or seat.</summary>
    internal const double CallSeconds = 30;

    private double _progress;
    private DateTimeOffset _lastTick;
    private int _counted;

    internal List<string> Phones { get; } = new();
    internal HashSet<string> Known { get; } = new(StringComparer.Ordinal);
    internal int Dialled { get; private set; }
    internal int Connected { get; private set; }

    /// <summary>Customers held: stored ones, or only counted ones in lean mode.</summary>
    internal int Total => Phones.Count + _counted;

    internal bool AllDialled => Dialled >= Total;

    /// <summary>Stores a customer unless the task already holds the number.</summary>
    internal bool Add(string phone)
    {
        if (!Known.Add(phone)) return false;
        Phones.Add(phone);
        return true;
    }

    /// <summary>Counts customers without keeping them (lean mode: benchmarks of a million rows).</summary>
    internal void Count(int customers) => _counted += customers;

    /// <summary>Drops the stored numbers but keeps their count (a deleted task is still read by id, never dialled).</summary>
    internal void Forget()
    {
        _counted += Phones.Count;
        Phones.Clear();
        Phones.TrimExcess();
        Known.Clear();
        Known.TrimExcess();
    }

    /// <summary>Dialling (re)starts now; time before this does not count.</summary>
    internal void Resume(DateTimeOffset now) => _lastTick = now;

    /// <summary>Dials as many customers as <paramref name="concurrency"/> lines manage in the time since the last tick.</summary>
    internal void Advance(DateTimeOffset now, int concurrency)
    {
        if (now <= _lastTick) return;
        var elapsed = (now - _lastTick).TotalSeconds;
        _lastTick = now;
        _progress = Math.Min(Total, _progress + elapsed * Math.Max(1, concurrency) / CallSeconds);
        while (Dialled < (int)_progress)
        {
            if (Answers(Dialled < Phones.Count ? Phones[Dialled][Phones[Dialled].Length - 1] : Dialled)) Connected++;
            Dialled++;
        }
    }

    /// <summary>Whether a number answers; fixed per number (its last digit) so that runs repeat (about two in three answer).</summary>
    private static bool Answers(int seed) => seed % 3 != 0;
}
