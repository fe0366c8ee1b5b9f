using System;

namespace OutboundPS.Sandbox;

/// <summary>
/// One simulated dial of one stored customer, as DiallingProgress produces it; each vendor turns it into its own wire
/// records. Everything a vendor draws for the call (result code, intent, duration, transcript) comes from
/// <see cref="Phone"/> and <see cref="Seed"/>, so the same numbers give the same results on every run.
/// </summary>
internal readonly struct DialAttempt
{
    internal DialAttempt(int customerIndex, string phone, int attempt, DateTimeOffset dialledAt, bool answered)
    {
        CustomerIndex = customerIndex;
        Phone = phone;
        Attempt = attempt;
        DialledAt = dialledAt;
        Answered = answered;
        Seed = StableSeed(phone, attempt);
    }

    /// <summary>The customer's position in the task, from 0, in arrival order.</summary>
    internal int CustomerIndex { get; }

    internal string Phone { get; }

    /// <summary>1 for the first dial; the sandbox does not redial, so always 1 today.</summary>
    internal int Attempt { get; }

    /// <summary>When the dial started, on the simulated clock (UTC+8).</summary>
    internal DateTimeOffset DialledAt { get; }

    /// <summary>Whether the customer picked up; counted in DiallingProgress.Connected.</summary>
    internal bool Answered { get; }

    /// <summary>A number fixed by the phone and attempt (FNV-1a), never by the process: string.GetHashCode varies per run.</summary>
    internal uint Seed { get; }

    private static uint StableSeed(string phone, int attempt)
    {
        var hash = 2166136261u;
        foreach (var c in phone)
            hash = (hash ^ c) * 16777619u;
        return (hash ^ (uint)attempt) * 16777619u;
    }

    /// <summary>Seconds the phone rings before it is answered or given up: 3 to 14, the same draw for every vendor.</summary>
    internal int RingSeconds => 3 + Pick(0, 12);

    /// <summary>Seconds an answered call talks: 15 to 74.</summary>
    internal int TalkSeconds => 15 + Pick(2, 60);

    /// <summary>Turns in an answered call's transcript, robot and customer alternating: 2 to 4.</summary>
    internal int Turns => 2 + Pick(1, 3);

    /// <summary>A value in [0, <paramref name="count"/>) taken from one byte-sized slice of the seed, so several draws stay independent.</summary>
    internal int Pick(int slice, int count) => (int)(((Seed >> (slice * 8)) & 0xFF) % (uint)count);
}
