using System;
using System.Collections.Generic;

namespace OutboundPS.Contract;

/// <summary>New-OutboundTask's parameters; null (false for a switch) means the user did not give it.</summary>
internal sealed class NewTaskSpec
{
    internal string Name { get; set; } = string.Empty;
    internal string RobotId { get; set; } = string.Empty;
    internal IReadOnlyList<string> Lines { get; set; } = Array.Empty<string>();
    internal DateTimeOffset? StartTime { get; set; }
    internal DateTimeOffset? EndTime { get; set; }
    internal IReadOnlyList<TimeRange>? WorkingHours { get; set; }
    internal int? Concurrency { get; set; }
    internal int? RecallCount { get; set; }
    internal TimeSpan? RecallInterval { get; set; }
    internal string? Voice { get; set; }
    internal bool Manual { get; set; }
    internal string? SceneId { get; set; }
    internal string? SceneRecordId { get; set; }
    internal int? CallType { get; set; }
    internal bool SendSms { get; set; }
    internal string? Remark { get; set; }
}
