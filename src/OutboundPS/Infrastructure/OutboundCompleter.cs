using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OutboundPS.Completion;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>
/// Completes a parameter from the session the command line names with -Session (else the runspace's default), by
/// Core's ArgumentCompletion, which caches each lookup for a minute and completes nothing when a lookup fails.
/// </summary>
internal abstract class OutboundCompleter : IArgumentCompleter
{
    private protected abstract CompletionKind Kind { get; }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        object? session = null;
        if (fakeBoundParameters is not null && fakeBoundParameters.Contains("Session"))
        {
            session = fakeBoundParameters["Session"];
            if (session is PSObject wrapped) session = wrapped.BaseObject;
        }

        return ArgumentCompletion.Shared.Complete(RunspaceSessions.Current, Kind, wordToComplete, session)
            .Select(c => new CompletionResult(c.Value, c.ListItemText, CompletionResultType.ParameterValue, c.ToolTip))
            .ToArray();
    }
}
