using System;
using System.Management.Automation;
using OutboundPS.Sessions;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Contract;

namespace OutboundPS.Commands;

/// <summary>Creates a call task.</summary>
[Cmdlet(VerbsCommon.New, "OutboundTask", SupportsShouldProcess = true)]
[OutputType(typeof(OutboundTask))]
public sealed class NewOutboundTaskCommand : OutboundCmdlet
{
    /// <summary>Task name.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>Robot id (Get-OutboundRobot).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(RobotIdCompleter))]
    public string RobotId { get; set; } = string.Empty;

    /// <summary>Caller line ids (Get-OutboundLine).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LineCompleter))]
    public string[] Line { get; set; } = Array.Empty<string>();

    /// <summary>When dialling may begin; now when omitted.</summary>
    [Parameter]
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>When the task ends even if unfinished.</summary>
    [Parameter]
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>Daily windows such as '09:00-12:00','13:30-18:00'; 09:00-20:00 when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? WorkingHours { get; set; }

    /// <summary>AI seats (BYRobot).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int? Concurrency { get; set; }

    /// <summary>Recall rounds for unconnected numbers, within the vendor's range (iFlytek 0–3, BYRobot 0–5), checked before sending.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? RecallCount { get; set; }

    /// <summary>Wait between recall rounds.</summary>
    [Parameter]
    public TimeSpan? RecallInterval { get; set; }

    /// <summary>TTS voice code.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(VoiceCompleter))]
    public string? Voice { get; set; }

    /// <summary>BYRobot manual task (started with Start-OutboundTask) rather than timed.</summary>
    [Parameter]
    public SwitchParameter Manual { get; set; }

    /// <summary>BYRobot scene id; defaults to the robot's scene.</summary>
    [Parameter]
    public string? SceneId { get; set; }

    /// <summary>BYRobot recording id; defaults to the robot's first recording.</summary>
    [Parameter]
    public string? SceneRecordId { get; set; }

    /// <summary>BYRobot line type (callType); defaults to the line's type.</summary>
    [Parameter]
    public int? CallType { get; set; }

    /// <summary>BYRobot: send a hang-up SMS.</summary>
    [Parameter]
    public SwitchParameter SendSms { get; set; }

    /// <summary>BYRobot remark.</summary>
    [Parameter]
    public string? Remark { get; set; }

    /// <summary>The session; the newest when omitted.</summary>
    [Parameter]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var session = UseSession(Session);
        var spec = Validate(BuildSpec, Name);
        if (!ShouldProcess($"{session.Vendor} task '{Name}' with robot {RobotId}", "Create")) return;
        WriteObject(Run(token => session.Client.CreateTaskAsync(spec, token), Name));
    }

    private NewTaskSpec BuildSpec()
    {
        TaskInput.CheckTimes(StartTime, EndTime);
        return new NewTaskSpec
        {
            Name = Name,
            RobotId = RobotId,
            Lines = Line,
            StartTime = StartTime,
            EndTime = EndTime,
            WorkingHours = TaskInput.ParseWindows(nameof(WorkingHours), WorkingHours),
            Concurrency = Concurrency,
            RecallCount = RecallCount,
            RecallInterval = RecallInterval,
            Voice = Voice,
            Manual = Manual.IsPresent,
            SceneId = SceneId,
            SceneRecordId = SceneRecordId,
            CallType = CallType,
            SendSms = SendSms.IsPresent,
            Remark = Remark,
        };
    }
}
