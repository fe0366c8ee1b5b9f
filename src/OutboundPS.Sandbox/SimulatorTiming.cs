using System;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Sandbox;

/// <summary>How every transport times a simulated answer, so the in-process handler and the HTTP hosts agree.</summary>
public static class SimulatorTiming
{
    /// <summary>
    /// Answers a request the way a vendor would: the latency runs from arrival (reading the request and the
    /// simulator's own work happen inside it), and a stalled answer waits longer still.
    /// </summary>
    public static async Task<SimulatedResponse> AnswerAsync(this IVendorSimulator simulator,
        Func<Task<SimulatedRequest>> readRequest, CancellationToken cancellationToken = default)
    {
        var latency = simulator.Faults.DelayAsync(cancellationToken);
        var answer = simulator.Handle(await readRequest().ConfigureAwait(false));
        await latency.ConfigureAwait(false);
        if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, cancellationToken).ConfigureAwait(false);
        return answer;
    }
}
