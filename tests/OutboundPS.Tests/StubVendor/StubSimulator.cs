using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OutboundPS.Contract;
using OutboundPS.Sandbox;

namespace OutboundPS.Tests.StubVendor;

/// <summary>The stub vendor's backend: the same SimulatorBase as the real vendors, with its own routes.</summary>
internal sealed class StubSimulator : SimulatorBase
{
    private readonly string _credential;
    private readonly Dictionary<string, StubTask> _tasks = new();
    private long _nextTask = 1;
    private long _nextData = 1;

    internal StubSimulator(string key, string secret, SandboxClock clock)
        : base(clock) => _credential = key + ":" + secret;

    public override IReadOnlyList<string> PhonesOf(string taskId)
    {
        lock (Gate) return _tasks.TryGetValue(taskId, out var task) ? task.Dialling.Phones.ToArray() : Array.Empty<string>();
    }

    protected override (JsonNode? Tree, object? Parsed) Read(string path, SimulatedRequest request) => (JsonAnswer.ReadNode(request.Body), null);

    protected override SimulatedResponse? Admit(string path, SimulatedRequest request, JsonNode? tree, object? parsed) =>
        request.Headers.TryGetValue("x-stub-key", out var key) && key == _credential ? null : Refuse(401, "bad key");

    protected override SimulatedResponse Refuse(int code, string message) =>
        JsonAnswer.Ok(new JsonObject { ["ok"] = false, ["code"] = code.ToString(CultureInfo.InvariantCulture), ["message"] = message });

    protected override SimulatedResponse Busy() => Html(503, "busy");

    protected override void Advance()
    {
        foreach (var task in _tasks.Values.Where(t => t.Status == 1))
        {
            task.Dialling.Advance(Clock.Now, 10);
            if (task.Dialling.AllDialled) task.Status = 2;
        }
    }

    protected override SimulatedResponse Route(string path, SimulatedRequest request, JsonNode? tree, object? parsed)
    {
        var body = tree as JsonObject ?? new JsonObject();
        var id = (string?)body["task"];
        var task = id is not null && _tasks.TryGetValue(id, out var found) && found.Status != 4 ? found : null;
        switch (path)
        {
            case "/stub/lines": return Ok(new JsonArray(new JsonObject { ["id"] = "l1", ["number"] = "01000000001" }));
            case "/stub/robots": return Ok(new JsonArray(new JsonObject { ["id"] = "r1", ["name"] = "stub robot", ["variables"] = new JsonArray() }));
            case "/stub/create":
                var created = new StubTask((_nextTask++).ToString(CultureInfo.InvariantCulture), (string?)body["name"] ?? "", (string?)body["robot"] ?? "");
                _tasks[created.Id] = created;
                return Ok(JsonValue.Create(created.Id));
            case "/stub/list": return Ok(new JsonArray(_tasks.Values.Where(t => t.Status != 4).Select(t => (JsonNode)t.ToJson()).ToArray()));
            case "/stub/call": return Ok(new JsonArray(((JsonArray?)body["rows"] ?? new JsonArray()).Select(_ => (JsonNode)JsonValue.Create(_nextData++)).ToArray()));
        }

        if (task is null) return Refuse(404, "no such task");
        switch (path)
        {
            case "/stub/get": return Ok(task.ToJson());
            case "/stub/update":
                task.Name = (string?)body["name"] ?? task.Name;
                return Ok(null);
            case "/stub/start":
                task.Status = 1;
                task.Dialling.Resume(Clock.Now);
                return Ok(null);
            case "/stub/pause":
                if (task.Status == 1) task.Status = 3;
                return Ok(null);
            case "/stub/delete":
                task.Status = 4;
                return Ok(null);
            case "/stub/import":
                var phones = ((JsonArray?)body["rows"] ?? new JsonArray()).Select(p => (string?)p ?? "").ToArray();
                if (phones.Length > 50) return Refuse(413, "too many rows");
                foreach (var phone in phones) task.Dialling.Phones.Add(phone);
                CountStored(phones.Length);
                return Ok(new JsonArray(phones.Select(_ => (JsonNode)JsonValue.Create(_nextData++)).ToArray()));
            default: return Html(404, "not found");
        }
    }

    private static SimulatedResponse Ok(JsonNode? data) => JsonAnswer.Ok(new JsonObject { ["ok"] = true, ["data"] = data });

    private sealed class StubTask
    {
        internal StubTask(string id, string name, string robot)
        {
            Id = id;
            Name = name;
            Robot = robot;
        }

        internal string Id { get; }
        internal string Name { get; set; }
        internal string Robot { get; }
        internal int Status { get; set; }
        internal DiallingProgress Dialling { get; } = new();

        internal JsonObject ToJson() => new()
        {
            ["id"] = Id, ["name"] = Name, ["status"] = Status, ["robot"] = Robot, ["lines"] = new JsonArray("l1"),
            ["total"] = Dialling.Total, ["called"] = Dialling.Dialled, ["connected"] = Dialling.Connected,
        };
    }
}

/// <summary>The stub simulator under its vendor key.</summary>
internal sealed class StubSimulatorDescriptor : SimulatorDescriptor
{
    public override string Key => "Stub";
    public override string SimpleRobotId => "r1";
    public override string LineId => "l1";
    public override string ImportPath => "/stub/import";
    public override SimulatorBase Create(string appKey, string appSecret, SandboxClock clock) => new StubSimulator(appKey, appSecret, clock);
}

/// <summary>Adds the stub vendor to both catalogs before any test runs (or is discovered).</summary>
internal static class StubVendorRegistration
{
    [ModuleInitializer]
    internal static void Register()
    {
        VendorCatalog.Register(new StubVendorDescriptor());
        SimulatorCatalog.Register(new StubSimulatorDescriptor());
    }
}
