using System.Management.Automation.Runspaces;
using OutboundPS.Sessions;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>
/// The session registry of the runspace a command runs in. Azure Automation can run several jobs as runspaces of one
/// process: each sees only its own sessions, and a runspace's sessions (and secrets) are dropped when it closes.
/// </summary>
internal static class RunspaceSessions
{
    // Commands run outside any runspace only in unusual hosts; they share one scope.
    private static readonly object NoRunspace = new();

    internal static SessionRegistry Current
    {
        get
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace is null) return SessionRegistry.Of(NoRunspace);
            return SessionRegistry.Of(runspace, registry => runspace.StateChanged += (_, change) =>
            {
                if (change.RunspaceStateInfo.State is RunspaceState.Closed or RunspaceState.Broken) registry.Clear();
            });
        }
    }
}
