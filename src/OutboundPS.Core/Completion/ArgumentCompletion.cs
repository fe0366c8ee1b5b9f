using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Diagnostics;
using OutboundPS.Sessions;

namespace OutboundPS.Completion;

/// <summary>
/// The logic behind the cmdlets' argument completers: what a Tab offers for tasks, robots, lines, voices and sessions.
/// A lookup's answer (or its failure) is kept per session for <see cref="Lifetime"/>, so pressing Tab again never waits
/// on the network twice; a failed or slow lookup completes nothing, and nothing here throws.
/// </summary>
internal sealed class ArgumentCompletion
{
    /// <summary>How long a session's lookup is reused.</summary>
    internal static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>The longest a Tab waits for the vendor before completing nothing.</summary>
    internal static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

    private static readonly IReadOnlyList<CompletionItem> Nothing = Array.Empty<CompletionItem>();

    private readonly Func<DateTimeOffset> _now;
    private readonly ConditionalWeakTable<OutboundSession, SessionLookups> _cache = new();

    internal ArgumentCompletion(Func<DateTimeOffset>? now = null) => _now = now ?? (() => DateTimeOffset.UtcNow);

    /// <summary>The one the completers use.</summary>
    internal static ArgumentCompletion Shared { get; } = new();

    /// <summary>Lookups that reached the vendor (a test counts them).</summary>
    internal int Lookups => _lookups;

    private int _lookups;

    /// <summary>
    /// The completions of <paramref name="kind"/> matching what was typed, in the session named by <paramref name="session"/>
    /// (an OutboundSession, a session name, or null for the scope's default).
    /// </summary>
    internal IReadOnlyList<CompletionItem> Complete(SessionRegistry registry, CompletionKind kind, string? wordToComplete, object? session)
    {
        try
        {
            var word = (wordToComplete ?? string.Empty).Trim().Trim('\'', '"');
            if (kind == CompletionKind.Session) return Sessions(registry, word);
            var target = Resolve(registry, session);
            if (target is null) return Nothing;
            return Lookup(target, kind).Where(c => c.Matches(word)).Select(c => c.Item).ToArray();
        }
        catch (Exception)
        {
            // A completer that throws shows nothing useful and may print in some hosts: complete nothing instead.
            return Nothing;
        }
    }

    private static IReadOnlyList<CompletionItem> Sessions(SessionRegistry registry, string word) =>
        registry.All
            .Where(s => s.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(s => new CompletionItem(Quote(s.Name), s.Name,
                $"{s.Vendor} at {s.BaseUri}{(s.IsSandbox ? " (sandbox)" : string.Empty)}"))
            .ToArray();

    private static OutboundSession? Resolve(SessionRegistry registry, object? session)
    {
        try
        {
            return session switch
            {
                OutboundSession given => given.IsConnected ? given : null,
                string name when name.Length > 0 => registry.Find(name),
                _ => registry.Resolve(null),
            };
        }
        catch (OutboundException)
        {
            return null;
        }
    }

    private IReadOnlyList<Candidate> Lookup(OutboundSession session, CompletionKind kind)
    {
        var lookups = _cache.GetValue(session, _ => new SessionLookups());
        lock (lookups)
        {
            var now = _now();
            if (lookups.Entries.TryGetValue(kind, out var kept) && now - kept.At < Lifetime) return kept.Candidates;
            var candidates = Fetch(session, kind);
            lookups.Entries[kind] = (now, candidates);
            return candidates;
        }
    }

    private IReadOnlyList<Candidate> Fetch(OutboundSession session, CompletionKind kind)
    {
        Interlocked.Increment(ref _lookups);
        using var timeout = new CancellationTokenSource(LookupTimeout);
        try
        {
            // No log sink: a lookup's verbose lines and warnings go nowhere, as a Tab must print nothing.
            using (OperationLog.Use(null))
                return Task.Run(() => FetchAsync(session, kind, timeout.Token), timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            return Array.Empty<Candidate>();
        }
    }

    private static async Task<IReadOnlyList<Candidate>> FetchAsync(OutboundSession session, CompletionKind kind, CancellationToken token)
    {
        var client = session.Client;
        switch (kind)
        {
            case CompletionKind.Task:
                var page = await client.GetTaskPageAsync(new Contract.TaskFilter(), 1, token).ConfigureAwait(false);
                return page.Tasks.Select(t => new Candidate(t.Id, t.Name,
                    $"{t.Name} ({t.Status}{(t.Created is { } created ? ", created " + created.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty)})"))
                    .ToArray();
            case CompletionKind.Robot:
                var robots = await client.GetRobotsAsync(token).ConfigureAwait(false);
                return robots.Select(r => new Candidate(r.Id, r.Name, $"{r.Name} ({r.Status})")).ToArray();
            case CompletionKind.Line:
                var lines = await client.GetLinesAsync(token).ConfigureAwait(false);
                return lines.Select(l => new Candidate(l.Id, l.Number == l.Id ? l.Name : l.Number,
                    $"{(l.Number == l.Id ? l.Id : l.Id + " = " + l.Number)}{(l.Name is { Length: > 0 } name && l.Number != l.Id ? " " + name : string.Empty)}" +
                    $"{(l.Concurrency is { } c ? $", concurrency {c}" : string.Empty)}{(l.InUse == true ? ", in use" : string.Empty)}")).ToArray();
            case CompletionKind.Voice:
                var voices = await client.GetVoicesAsync(token).ConfigureAwait(false);
                return voices.Select(v => new Candidate(v.Code, v.Name, $"{v.Name} ({v.Code})")).ToArray();
            default:
                return Array.Empty<Candidate>();
        }
    }

    /// <summary>The argument as PowerShell reads it: bare when it is a plain word, single-quoted otherwise.</summary>
    internal static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') && value[0] != '-'
            ? value
            : "'" + value.Replace("'", "''") + "'";

    private sealed class SessionLookups
    {
        internal Dictionary<CompletionKind, (DateTimeOffset At, IReadOnlyList<Candidate> Candidates)> Entries { get; } = new();
    }

    /// <summary>A value with its human name: typing part of either finds it, and the value is what is inserted.</summary>
    private sealed class Candidate
    {
        internal Candidate(string value, string? name, string toolTip)
        {
            Value = value;
            Name = name;
            Item = new CompletionItem(Quote(value), string.IsNullOrEmpty(name) ? value : $"{value} {name}", toolTip);
        }

        private string Value { get; }
        private string? Name { get; }
        internal CompletionItem Item { get; }

        internal bool Matches(string word) =>
            word.Length == 0 || Value.StartsWith(word, StringComparison.OrdinalIgnoreCase)
            || (Name is not null && Name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
