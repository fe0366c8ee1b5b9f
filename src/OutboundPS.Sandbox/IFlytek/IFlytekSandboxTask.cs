using System;
using System.Collections.Generic;

namespace OutboundPS.Sandbox.IFlytek;

/// <summary>A yeta task held by the simulator, dialling its customers as the clock advances.</summary>
internal sealed class IFlytekSandboxTask
{
    /// <summary>Simulated seconds one call occupies a line.</summary>
    internal const double CallSeconds = 30;

    internal IFlytekSandboxTask(string id, string name, string robotId, string lineNum, int concurrency, DateTimeOffset created)
    {
        Id = id;
        Name = name;
        RobotId = robotId;
        LineNum = lineNum;
        Concurrency = Math.Max(1, concurrency);
        Created = created;
    }

    internal string Id { get; }
    internal string Name { get; }
    internal string RobotId { get; }
    internal string LineNum { get; }
    internal int Concurrency { get; }
    internal DateTimeOffset Created { get; }
    internal int TaskType { get; set; }
    internal int Status { get; set; }
    internal bool Deleted { get; set; }
    internal bool EverStarted { get; set; }
    internal int RecallCount { get; set; }
    internal long RecallWait { get; set; }
    internal string[] TimeRange { get; set; } = Array.Empty<string>();
    internal long TimeBegin { get; set; }
    internal long? TimeEnd { get; set; }
    internal string? VoiceCode { get; set; }
    internal long? Started { get; set; }
    internal long? Finished { get; set; }
    internal List<string> Phones { get; } = new();
    internal int Dialled { get; private set; }
    internal int Connected { get; private set; }

    private double _progress;
    private DateTimeOffset _lastTick;

    internal void Start(DateTimeOffset now)
    {
        Status = 1;
        EverStarted = true;
        Started ??= now.ToUnixTimeMilliseconds();
        _lastTick = now;
    }

    /// <summary>Moves the task along to <paramref name="now"/>: starting → running → completed.</summary>
    internal void Advance(DateTimeOffset now)
    {
        if (Deleted || now <= _lastTick) return;
        var elapsed = (now - _lastTick).TotalSeconds;
        _lastTick = now;
        if (Status == 1)
        {
            Status = 2;
            elapsed = Math.Max(0, elapsed - 1);
        }

        if (Status != 2) return;
        _progress = Math.Min(Phones.Count, _progress + elapsed * Concurrency / CallSeconds);
        while (Dialled < (int)_progress)
        {
            if (Answers(Phones[Dialled])) Connected++;
            Dialled++;
        }

        if (Dialled >= Phones.Count)
        {
            Status = 4;
            Finished = now.ToUnixTimeMilliseconds();
        }
    }

    /// <summary>Whether a number answers; fixed per number so that runs repeat (about two in three answer).</summary>
    private static bool Answers(string phone) => phone[phone.Length - 1] % 3 != 0;
}
