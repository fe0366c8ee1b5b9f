using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace OutboundPS.Sessions;

/// <summary>
/// The connected sessions of one scope (a PowerShell runspace); the newest is the default. Azure Automation runs
/// several jobs in one process, so each runspace has its own registry and never sees or closes another's sessions.
/// </summary>
internal sealed class SessionRegistry
{
    private static readonly ConditionalWeakTable<object, SessionRegistry> Scopes = new();

    private readonly object _gate = new();
    private readonly List<OutboundSession> _sessions = new();

    /// <summary>The registry of a scope, created on first use; <paramref name="created"/> runs once for a new one.</summary>
    internal static SessionRegistry Of(object scope, Action<SessionRegistry>? created = null)
    {
        lock (Scopes)
        {
            if (Scopes.TryGetValue(scope, out var existing)) return existing;
            var registry = new SessionRegistry();
            Scopes.Add(scope, registry);
            created?.Invoke(registry);
            return registry;
        }
    }

    internal IReadOnlyList<OutboundSession> All
    {
        get
        {
            lock (_gate) return _sessions.ToArray();
        }
    }

    /// <summary>Adds a session, replacing (and closing) an older one of the same name in this scope.</summary>
    internal void Add(OutboundSession session)
    {
        lock (_gate)
        {
            var old = _sessions.FirstOrDefault(s => SameName(s, session.Name));
            if (old is not null)
            {
                _sessions.Remove(old);
                SessionConnections.Close(old);
            }

            _sessions.Add(session);
        }
    }

    /// <summary>The session to use: the one given, or the newest of this scope.</summary>
    internal OutboundSession Resolve(OutboundSession? explicitSession)
    {
        if (explicitSession is not null)
            return explicitSession.IsConnected ? explicitSession : throw OutboundErrors.SessionClosed(explicitSession);
        lock (_gate) return _sessions.Count > 0 ? _sessions[_sessions.Count - 1] : throw OutboundErrors.NoSession();
    }

    /// <summary>
    /// The session a task id acts in: a task brings its own session, and an explicit -Session that names another
    /// is an error rather than a silent choice between two accounts; a bare id (or a task read from a push) uses -Session or the default.
    /// </summary>
    internal OutboundSession Resolve(OutboundTaskId task, OutboundSession? explicitSession)
    {
        // A task read from a push has a detached session with no connection behind it: it acts like a bare id.
        if (task.Session is not { IsDetached: false } own) return Resolve(explicitSession);
        if (explicitSession is not null && !ReferenceEquals(explicitSession, own)) throw OutboundErrors.SessionConflict(task, explicitSession);
        return own.IsConnected ? own : throw OutboundErrors.SessionClosed(own);
    }

    internal OutboundSession Find(string name)
    {
        lock (_gate) return _sessions.FirstOrDefault(s => SameName(s, name)) ?? throw OutboundErrors.SessionNotFound(name);
    }

    internal void Remove(OutboundSession session)
    {
        lock (_gate) _sessions.Remove(session);
        SessionConnections.Close(session);
    }

    /// <summary>Drops every session of this scope (module removal, runspace closed).</summary>
    internal void Clear()
    {
        lock (_gate)
        {
            foreach (var session in _sessions) SessionConnections.Close(session);
            _sessions.Clear();
        }
    }

    internal string NextName(OutboundVendor vendor)
    {
        lock (_gate)
        {
            for (var i = 1; ; i++)
            {
                var name = i == 1 ? vendor.ToString() : $"{vendor}{i}";
                if (!_sessions.Any(s => SameName(s, name))) return name;
            }
        }
    }

    private static bool SameName(OutboundSession session, string name) => string.Equals(session.Name, name, StringComparison.OrdinalIgnoreCase);
}
