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
    private DateTimeOffset _resumedAt;
    private int _counted;

    internal PhoneList Phones { get; } = new();
    internal HashSet<string> Known { get; } = new(StringComparer.Ordinal);
    internal int Dialled { get; private set; }
    internal int Connected { get; private set; }

    /// <summary>Numbers the vendor will not dial when their turn comes (a blacklist): they never answer.</summary>
    internal Func<string, bool>? Blocked { get; set; }

    private List<DialAttempt> _attempts = new();

    /// <summary>
    /// The dials made since the last call, in dial order: one per dial of a stored customer (lean, counted customers
    /// leave none). The vendor keeps what it makes of them, so this holds only what it has not read yet.
    /// </summary>
    internal List<DialAttempt> TakeAttempts()
    {
        if (_attempts.Count == 0) return _attempts;
        var taken = _attempts;
        _attempts = new List<DialAttempt>();
        return taken;
    }

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
        Known.Clear();
        Known.TrimExcess();
        _attempts = new List<DialAttempt>();
    }

    /// <summary>Dialling (re)starts now; time before this does not count.</summary>
    internal void Resume(DateTimeOffset now) => _lastTick = _resumedAt = now;

    /// <summary>Dials as many customers as <paramref name="concurrency"/> lines manage in the time since the last tick.</summary>
    internal void Advance(DateTimeOffset now, int concurrency)
    {
        if (now <= _lastTick) return;
        var tick = _lastTick;
        var before = _progress;
        var rate = Math.Max(1, concurrency) / CallSeconds;
        _lastTick = now;
        _progress = Math.Min(Total, _progress + (now - tick).TotalSeconds * rate);
        while (Dialled < (int)_progress)
        {
            var phone = Dialled < Phones.Count ? Phones[Dialled] : null;
            var answered = phone is null ? Answers(Dialled) : Answers(phone) && Blocked?.Invoke(phone) != true;
            if (answered) Connected++;
            if (phone is not null)
            {
                // The call ends when progress passes its index; it was dialled one call length earlier, never before the resume.
                var ended = tick.AddSeconds((Dialled + 1 - before) / rate);
                var dialled = ended.AddSeconds(-CallSeconds);
                _attempts.Add(new DialAttempt(Dialled, phone, 1, dialled < _resumedAt ? _resumedAt : dialled, answered));
            }

            Dialled++;
        }
    }

    /// <summary>
    /// Whether a number answers; fixed per number (its last digit: 0, 3, 6 and 9 do not answer) so that runs repeat
    /// and tests can choose outcomes (about two in three answer).
    /// </summary>
    internal static bool Answers(string phone) => Answers(phone[phone.Length - 1]);

    private static bool Answers(int seed) => seed % 3 != 0;
}
