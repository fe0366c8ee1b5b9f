using System.Linq;
using System.Management.Automation;
using OutboundPS.Commands.Infrastructure;

namespace OutboundPS.Commands;

/// <summary>Lists the sessions connected in this runspace, newest last.</summary>
[Cmdlet(VerbsCommon.Get, "OutboundSession")]
[OutputType(typeof(OutboundSession))]
public sealed class GetOutboundSessionCommand : OutboundCmdlet
{
    /// <summary>Session names to show; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public string[]? Name { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var patterns = (Name ?? new[] { "*" }).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
        WriteObject(Sessions.All.Where(s => patterns.Any(p => p.IsMatch(s.Name))), enumerateCollection: true);
    }
}
