using System;
using System.Threading;

namespace OutboundPS.Diagnostics;

/// <summary>Receives the verbose and warning text of the operation in progress.</summary>
internal interface IOperationLogSink
{
    /// <summary>Whether verbose lines are shown; when not, they are neither built nor sent.</summary>
    bool VerboseEnabled { get; }

    /// <summary>A line for -Verbose.</summary>
    void Verbose(string message);

    /// <summary>A line for the warning stream.</summary>
    void Warning(string message);
}

/// <summary>
/// The log sink of the current operation. Flows with the async call so that Core code
/// running on pool threads reaches the cmdlet that started it without passing it everywhere.
/// </summary>
internal static class OperationLog
{
    private static readonly AsyncLocal<IOperationLogSink?> Current = new();

    /// <summary>Makes <paramref name="sink"/> (or, when null, no sink) the log of the work started inside the scope.</summary>
    internal static IDisposable Use(IOperationLogSink? sink)
    {
        var previous = Current.Value;
        Current.Value = sink;
        return new Restore(previous);
    }

    /// <summary>Whether a verbose line would be seen; hot paths check it before building the line.</summary>
    internal static bool VerboseEnabled => Current.Value?.VerboseEnabled == true;

    internal static void Verbose(string message)
    {
        if (Current.Value is { VerboseEnabled: true } sink) sink.Verbose(message);
    }

    internal static void Warning(string message) => Current.Value?.Warning(message);

    private sealed class Restore : IDisposable
    {
        private readonly IOperationLogSink? _previous;
        internal Restore(IOperationLogSink? previous) => _previous = previous;
        public void Dispose() => Current.Value = _previous;
    }
}
