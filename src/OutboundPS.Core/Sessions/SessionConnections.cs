using System.Runtime.CompilerServices;
using OutboundPS.Contract;

namespace OutboundPS.Sessions;

/// <summary>
/// The live client of each open session, kept beside the public OutboundSession rather than in it, so the model
/// depends on no client code. Weak: a session nobody holds any more takes its client (and secrets) with it.
/// </summary>
internal static class SessionConnections
{
    private static readonly ConditionalWeakTable<OutboundSession, IOutboundClient> Clients = new();

    internal static void Attach(OutboundSession session, IOutboundClient client)
    {
        lock (Clients)
        {
            Clients.Remove(session);
            Clients.Add(session, client);
            session.IsConnected = true;
        }
    }

    /// <summary>Forgets the session's client and with it every secret and token.</summary>
    internal static void Close(OutboundSession session)
    {
        IOutboundClient? client;
        lock (Clients)
        {
            if (Clients.TryGetValue(session, out client)) Clients.Remove(session);
            session.IsConnected = false;
        }

        client?.Dispose();
    }

    extension(OutboundSession session)
    {
        /// <summary>The session's client; a disconnected session is an error that says so.</summary>
        internal IOutboundClient Client
        {
            get
            {
                lock (Clients)
                    return Clients.TryGetValue(session, out var client) ? client : throw OutboundErrors.SessionClosed(session);
            }
        }
    }
}
