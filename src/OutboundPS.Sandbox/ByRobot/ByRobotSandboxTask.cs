using System;
using System.Collections.Generic;

namespace OutboundPS.Sandbox.ByRobot;

/// <summary>A BYRobot task held by the simulator, dialling at its AI-seat concurrency as the clock advances.</summary>
internal sealed class ByRobotSandboxTask
{
    private DateTimeOffset _runnableAt;

    internal ByRobotSandboxTask(long id, long companyId, DateTimeOffset created)
    {
        Id = id;
        CompanyId = companyId;
        Created = created;
    }

    internal long Id { get; }
    internal long CompanyId { get; }
    internal DateTimeOffset Created { get; }
    internal string Name { get; set; } = string.Empty;
    internal int TaskType { get; set; }
    internal int Status { get; set; }
    internal string? StartDate { get; set; }
    internal string? WorkingStartTime { get; set; }
    internal string? WorkingEndTime { get; set; }
    internal string? BreakStartTime { get; set; }
    internal string? BreakEndTime { get; set; }
    internal long RobotDefId { get; set; }
    internal long SceneDefId { get; set; }
    internal long? SceneRecordId { get; set; }
    internal int CallType { get; set; }
    internal int ConcurrencyQuota { get; set; } = 1;
    internal string? Remark { get; set; }
    internal List<long> UserPhoneIds { get; set; } = new();
    internal Dictionary<string, Dictionary<string, string>> Properties { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);
    internal DiallingProgress Dialling { get; } = new();

    /// <summary>Whether the company lists a number when it comes to be dialled: such a call is not placed and ends as finishStatus 11.</summary>
    internal Func<string, bool>? Blacklisted
    {
        get => Dialling.Blocked;
        set => Dialling.Blocked = value;
    }

    /// <summary>Finished calls, in dial order: Records[i] is the call of customer i (the sandbox dials each once).</summary>
    internal List<ByRobotCallRecord> Records { get; } = new();

    /// <summary>Callback bodies made for this task (CALL_INSTANCE_RESULT per call, JOB_INFO_RESULT on completion), in order.</summary>
    internal List<Pushes.PushMessage> Callbacks { get; } = new();

    /// <summary>Start or resume: runnable (3) now, running (1) a second later.</summary>
    internal void Start(DateTimeOffset now)
    {
        Status = 3;
        _runnableAt = now;
        Dialling.Resume(now);
    }

    internal void Advance(DateTimeOffset now)
    {
        if (Status == 3 && now >= _runnableAt.AddSeconds(1)) Status = 1;
        if (Status != 1) return;
        Dialling.Advance(now, ConcurrencyQuota);
        if (Dialling.AllDialled) Status = 2;
    }

    /// <summary>States in which task/update is refused: running, runnable, queued.</summary>
    internal bool IsRunning => Status is 1 or 3 or 7;
}
