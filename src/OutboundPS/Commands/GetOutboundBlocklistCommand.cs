using System.Linq;
using System.Management.Automation;
using OutboundPS.Commands.Infrastructure;

namespace OutboundPS.Commands;

/// <summary>Lists the account's blocklist groups (BYRobot 黑名单分组), by name or id when asked.</summary>
[Cmdlet(VerbsCommon.Get, "OutboundBlocklist")]
[OutputType(typeof(OutboundBlocklist))]
public sealed class GetOutboundBlocklistCommand : BlocklistCmdlet
{
    /// <summary>Only groups whose name matches one of these (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>Only the groups with these ids.</summary>
    [Parameter]
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
        var lists = UseBlocklists(session);
        var patterns = Name?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToArray();
        foreach (var list in Run(token => lists.GetListsAsync(token)))
        {
            if (patterns is not null && !patterns.Any(p => p.IsMatch(list.Name ?? string.Empty))) continue;
            if (Id is not null && !Id.Contains(list.Id)) continue;
            WriteObject(list);
        }
    }
}
