using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Receiving;

namespace OutboundPS.Tests.Support;

/// <summary>A PushReceiver listening on 127.0.0.1 (port 0: the system picks) for one test, storing into a temporary file; disposing stops it and deletes the file.</summary>
internal sealed class RunningReceiver : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly string _folder;

    private RunningReceiver(PushReceiverOptions options, string folder)
    {
        Options = options;
        _folder = folder;
        Receiver = new PushReceiver(options);
        // Listening has started once RunAsync returns its task: it listens before its first wait.
        Run = Receiver.RunAsync(Written.Enqueue, _stop.Token);
    }

    /// <param name="stored">What an earlier run left in the file, for a test of a restarted receiver.</param>
    /// <param name="prefix">Where to listen; 127.0.0.1 at a port the system picks when omitted.</param>
    internal static RunningReceiver Start(Action<PushReceiverOptions>? configure = null, bool store = true, string? stored = null, string prefix = "http://127.0.0.1:0/push/")
    {
        if (stored is not null && !store) throw new ArgumentException("A receiver without a file has nothing stored.", nameof(stored));
        var folder = Path.Combine(Path.GetTempPath(), "outboundps-receive-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var options = new PushReceiverOptions(prefix) { Path = store ? Path.Combine(folder, "pushes.jsonl") : null };
        // Written before the receiver starts: it reads what its file holds only then.
        if (stored is not null) File.WriteAllText(options.Path!, stored);
        configure?.Invoke(options);
        return new RunningReceiver(options, folder);
    }

    internal PushReceiverOptions Options { get; }

    internal PushReceiver Receiver { get; }

    internal Task Run { get; }

    /// <summary>The push address, with the port the receiver listens on.</summary>
    internal Uri Address => new(Receiver.Url ?? throw new InvalidOperationException("The receiver is not listening: " + Run.Exception?.GetBaseException().Message));

    /// <summary>What the receiver wrote, in order.</summary>
    internal ConcurrentQueue<object> Written { get; } = new();

    /// <summary>The stored lines, read back.</summary>
    internal IReadOnlyList<string> Lines() => Options.Path is { } path && File.Exists(path) ? PushJournal.ReadLines(path).ToList() : Array.Empty<string>();

    internal static async Task<(int Status, string Body)> PostAsync(HttpClient http, Uri address, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var reply = await http.PostAsync(address, content);
        return ((int)reply.StatusCode, await reply.Content.ReadAsStringAsync());
    }

    /// <summary>Stops as a timeout does (waiting yeta calls are written) and waits for the receiver to close.</summary>
    internal async Task FinishAsync()
    {
        Receiver.Finish();
        await Run;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            await Run;
        }
        finally
        {
            _stop.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
