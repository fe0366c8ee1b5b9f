using System;
using System.Collections.Generic;

namespace OutboundPS.Sandbox.IFlytek;

/// <summary>A yeta task held by the simulator, dialling its customers as the clock advances.</summary>
internal sealed class IFlytekSandboxTask
{
    private DateTimeOffset _startedAt;

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
    internal DiallingProgress Dialling { get; } = new();

    /// <summary>Each stored row as inserted: Rows[i] belongs to Dialling.Phones[i] (none in lean mode).</summary>
    internal IFlytekStoredRows Rows { get; } = new();

    /// <summary>The pushes this task's calls produced, in creation order.</summary>
    internal List<Pushes.PushMessage> Pushes { get; } = new();

    internal void Start(DateTimeOffset now)
    {
        Status = 1;
        EverStarted = true;
        Started ??= now.ToUnixTimeMilliseconds();
        _startedAt = now;
        Dialling.Resume(now);
    }

    /// <summary>Moves the task along: started (1) → running (2) after a second → finished (4) once all are dialled.</summary>
    internal void Advance(DateTimeOffset now)
    {
        if (Deleted) return;
        if (Status == 1 && now >= _startedAt.AddSeconds(1)) Status = 2;
        if (Status != 2) return;
        Dialling.Advance(now, Concurrency);
        if (!Dialling.AllDialled || TaskType != 0) return;
        Status = 4;
        Finished = now.ToUnixTimeMilliseconds();
    }
}
