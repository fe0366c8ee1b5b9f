using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;

namespace OutboundPS.Tasks;

/// <summary>Polls a task until it stops making progress on its own, like Wait-Job does for jobs.</summary>
internal sealed class TaskWaiter
{
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Func<TimeSpan> _elapsed;

    /// <param name="delay">How to wait between polls (tests advance a simulated clock instead of sleeping).</param>
    /// <param name="elapsed">Time spent waiting so far, against which -Timeout is measured.</param>
    internal TaskWaiter(Func<TimeSpan, CancellationToken, Task>? delay = null, Func<TimeSpan>? elapsed = null)
    {
        _delay = delay ?? ((span, token) => Task.Delay(span, token));
        if (elapsed is null)
        {
            var watch = Stopwatch.StartNew();
            elapsed = () => watch.Elapsed;
        }

        _elapsed = elapsed;
    }

    /// <summary>True for states in which the task will not progress without a user's action.</summary>
    internal static bool IsSettled(OutboundTask task) => task.IsFinished || task.Status == OutboundTaskStatus.Paused;

    /// <summary>
    /// Returns the settled task, or null when the timeout passed first; a task that cannot move until the user acts
    /// outside OutboundPS (arrears) ends the wait with that error rather than with the timeout.
    /// </summary>
    internal async Task<OutboundTask?> WaitAsync(IOutboundClient client, string taskId, TimeSpan? timeout, TimeSpan pollInterval,
        Action<OutboundTask> observe, CancellationToken cancellationToken)
    {
        var start = _elapsed();
        while (true)
        {
            var task = await client.GetTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
            observe(task);
            if (IsSettled(task)) return task;
            if (client.StalledBy(task) is { } stalled) throw stalled;
            var waited = _elapsed() - start;
            if (timeout is { } limit && waited >= limit) return null;
            var pause = timeout is { } max && max - waited < pollInterval ? max - waited : pollInterval;
            await _delay(pause, cancellationToken).ConfigureAwait(false);
        }
    }
}
