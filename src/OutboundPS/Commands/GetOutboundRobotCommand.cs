using System.Linq;
using System.Management.Automation;
using OutboundPS.Sessions;
using OutboundPS.Commands.Infrastructure;

namespace OutboundPS.Commands;

/// <summary>Lists the robots (call scripts) of the account.</summary>
[Cmdlet(VerbsCommon.Get, "OutboundRobot")]
[OutputType(typeof(OutboundRobot))]
public sealed class GetOutboundRobotCommand : OutboundCmdlet
{
    /// <summary>Only these robot ids.</summary>
    [Parameter(Position = 0)]
    [Alias("RobotId")]
    [ArgumentCompleter(typeof(RobotIdCompleter))]
    public string[]? Id { get; set; }

    /// <summary>The session; the newest when omitted.</summary>
    [Parameter]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var session = UseSession(Session);
        var robots = Run(token => session.Client.GetRobotsAsync(token));
        WriteObject(Id is null ? robots : robots.Where(r => Id.Contains(r.Id)), enumerateCollection: true);
    }
}
