using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace OutboundPS.Sandbox;

/// <summary>
/// What every simulated vendor does the same way: request history, injected faults (front-door statuses, raw bodies,
/// scripted codes, busy answers, dropped and stalled connections) and the count of customers stored by requests whose
/// answer was lost, which the "nothing is lost" tests rely on. A vendor supplies its hooks: how it reads a body, whom it
/// admits, its busy and error answers, how its tasks move on, and its routes.
/// </summary>
public abstract class SimulatorBase : IVendorSimulator
{
    private int _stored;

    /// <summary>Creates a simulator on a clock.</summary>
    protected SimulatorBase(SandboxClock clock) => Clock = clock;

    /// <summary>The simulated clock that tasks progress on.</summary>
    public SandboxClock Clock { get; }

    /// <inheritdoc />
    public SandboxFaults Faults { get; } = new();

    /// <summary>Customers stored by requests whose answer was lost (dropped after processing, or stalled past the client).</summary>
    public int LostAnswers { get; private set; }

    /// <summary>Keeps no request history and counts customers instead of storing them, so benchmarks of a million rows measure the client.</summary>
    public bool Lean { get; set; }

    /// <summary>Records every request in <see cref="Received"/> for tests to inspect; the shared -Sandbox backends keep none.</summary>
    public bool KeepHistory { get; set; } = true;

    /// <summary>Whether requests are recorded: lean simulators keep no history whatever KeepHistory says.</summary>
    protected bool RecordsHistory => KeepHistory && !Lean;

    /// <summary>Every request received with its JSON body; lets tests see what crossed the wire.</summary>
    public List<(SimulatedRequest Request, JsonNode? Body)> Received { get; } = new();

    /// <summary>How this vendor delivers pushes (content type, acknowledgement, retries), or null when it pushes nothing.</summary>
    public virtual Pushes.PushRule? DeliveryRule => null;

    /// <summary>Where records are pushed as they are produced (the host's --push-uri); none by default.</summary>
    public Pushes.PushSender? PushSender { get; set; }

    /// <summary>
    /// Where task-status pushes go when they have an address of their own (the host's --task-status-uri: BYRobot's
    /// JOB_INFO_RESULT, as its 2019+ pages have it); null sends them to <see cref="PushSender"/>. Vendors without
    /// task-status pushes ignore it.
    /// </summary>
    public Pushes.PushSender? TaskStatusSender { get; set; }

    /// <summary>
    /// The push bodies a task's calls produced, for a vendor that reports results only by push; null for one with a list
    /// to read. The in-process -Sandbox session reads them in place of a list (docs/design.md#call-results).
    /// </summary>
    public virtual IReadOnlyList<string>? KeptPushesOf(string taskId) => null;

    /// <summary>The phones a task holds, in arrival order.</summary>
    public abstract System.Collections.Generic.IReadOnlyList<string> PhonesOf(string taskId);

    /// <summary>The lock every request's processing runs under, as one vendor account.</summary>
    protected object Gate { get; } = new();

    /// <summary>The front door's page for a path no route serves.</summary>
    protected static SimulatedResponse NotFound() => Html(404, "<html><body>404 Not Found</body></html>");

    /// <inheritdoc />
    public SimulatedResponse Handle(SimulatedRequest request)
    {
        var path = RoutePath(request.Path);
        if (path is null) return NotFound();
        if (Shortcut(path, request) is { } shortcut) return shortcut;
        var (tree, parsed) = Read(path, request);
        lock (Gate)
        {
            if (RecordsHistory) Received.Add((request, tree));
            if (Faults.TakeHttpStatus(path) is { } status) return Html(status.Status, "<html>busy</html>").WithRetryAfter(status.RetryAfter);
            if (Faults.TakeRawBody() is { } raw) return Html(502, raw);
            if (Admit(path, request, tree, parsed) is { } refused) return refused;
            if (Faults.TakeScriptedCode(path) is { } code) return Refuse(code, "模拟错误");
            var drop = Faults.TakeDrop(path);
            var fault = Faults.Roll(path);
            if (fault == RandomFault.Busy) return Busy();
            if (drop == false || fault == RandomFault.DropBefore) return SimulatedResponse.Dropped();
            if (fault == RandomFault.DropAfter) drop = true;
            var storedBefore = _stored;
            Advance();
            var answer = Route(path, request, tree, parsed);
            if (drop == true || fault == RandomFault.Stall) LostAnswers += _stored - storedBefore;
            if (fault == RandomFault.Stall) answer.Delay = Faults.Stall;
            return drop == true ? SimulatedResponse.Dropped() : answer;
        }
    }

    /// <summary>Counts customers a route stored, so that a lost answer is known to have stored them.</summary>
    protected void CountStored(int customers) => _stored += customers;

    /// <summary>The path as the routes name it, or null when the request is outside the API (a 404 page).</summary>
    protected virtual string? RoutePath(string path) => path;

    /// <summary>An answer given before the shared handling (lean benchmark paths), or null.</summary>
    protected virtual SimulatedResponse? Shortcut(string path, SimulatedRequest request) => null;

    /// <summary>The body as a JSON tree (for the history and the routes) and in any faster form the vendor reads; outside the lock.</summary>
    protected abstract (JsonNode? Tree, object? Parsed) Read(string path, SimulatedRequest request);

    /// <summary>The vendor's answer to a request it does not admit (bad signature or token, wrong method), or null.</summary>
    protected abstract SimulatedResponse? Admit(string path, SimulatedRequest request, JsonNode? tree, object? parsed);

    /// <summary>The vendor's error answer for one of its codes.</summary>
    protected abstract SimulatedResponse Refuse(int code, string message);

    /// <summary>The vendor's answer when it is too busy to look at a request.</summary>
    protected abstract SimulatedResponse Busy();

    /// <summary>Moves the vendor's tasks along to the clock's now.</summary>
    protected abstract void Advance();

    /// <summary>Answers an admitted request.</summary>
    protected abstract SimulatedResponse Route(string path, SimulatedRequest request, JsonNode? tree, object? parsed);

    /// <summary>A web server's page rather than the vendor's JSON.</summary>
    protected static SimulatedResponse Html(int status, string text) => new(status, Encoding.UTF8.GetBytes(text), "text/html");
}
