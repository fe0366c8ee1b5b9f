using System;
using System.Collections.Generic;
using System.Linq;

namespace OutboundPS.Sessions;

/// <summary>The connected sessions of this process; the newest is the default.</summary>
internal static class SessionRegistry
{
    private static readonly object Gate = new();
    private static readonly List<OutboundSession> Sessions = new();

    internal static IReadOnlyList<OutboundSession> All
    {
        get
        {
            lock (Gate) return Sessions.ToArray();
        }
    }

    /// <summary>Adds a session, replacing an older one of the same name.</summary>
    internal static void Add(OutboundSession session)
    {
        lock (Gate)
        {
            var old = Sessions.FirstOrDefault(s => string.Equals(s.Name, session.Name, StringComparison.OrdinalIgnoreCase));
            if (old is not null)
            {
                Sessions.Remove(old);
                old.Close();
            }

            Sessions.Add(session);
        }
    }

    /// <summary>The session to use: the one given, or the newest.</summary>
    internal static OutboundSession Resolve(OutboundSession? explicitSession)
    {
        if (explicitSession is not null)
            return explicitSession.IsConnected ? explicitSession : throw OutboundErrors.SessionClosed(explicitSession);
        lock (Gate) return Sessions.Count > 0 ? Sessions[Sessions.Count - 1] : throw OutboundErrors.NoSession();
    }

    internal static OutboundSession Find(string name)
    {
        lock (Gate)
            return Sessions.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw OutboundErrors.SessionNotFound(name);
    }

    internal static void Remove(OutboundSession session)
    {
        lock (Gate) Sessions.Remove(session);
        session.Close();
    }

    /// <summary>Drops every session (module removal).</summary>
    internal static void Clear()
    {
        lock (Gate)
        {
            foreach (var session in Sessions) session.Close();
            Sessions.Clear();
        }
    }

    internal static string NextName(OutboundVendor vendor)
    {
        lock (Gate)
        {
            for (var i = 1; ; i++)
            {
                var name = i == 1 ? vendor.ToString() : $"{vendor}{i}";
                if (!Sessions.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))) return name;
            }
        }
    }
}
