using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Http;
using OutboundPS.Sessions;
using Polly;
using RestSharp;

namespace OutboundPS.Tests.StubVendor;

/// <summary>The stub vendor's wire: JSON POSTs to stub/&lt;operation&gt;, a key header, {ok, code, message, data} answers.</summary>
internal sealed class StubClient : IVendorClient, ITaskUpdates
{
    private readonly OutboundSession _session;
    private readonly SecureString _secret;
    private readonly VendorTransport _transport;
    private readonly ResiliencePipeline _writes;
    private readonly ResiliencePipeline _reads;

    internal StubClient(OutboundSession session, SecureString secret, TransportOptions options)
    {
        _session = session;
        _secret = secret.Copy();
        _transport = new VendorTransport(StubVendorDescriptor.Id, options);
        _writes = RetryPipeline.Create(options, reads: false);
        _reads = RetryPipeline.Create(options, reads: true);
    }

    public Task ValidateCredentialsAsync(CancellationToken cancellationToken) => Call<StubLine[]>("lines", new { }, true, cancellationToken);

    public async Task<IReadOnlyList<OutboundLine>> GetLinesAsync(CancellationToken cancellationToken) =>
        (await Call<StubLine[]>("lines", new { }, true, cancellationToken).ConfigureAwait(false))
        .Select(l => new OutboundLine(StubVendorDescriptor.Id, l.Id, l.Number)).ToArray();

    public async Task<IReadOnlyList<OutboundRobot>> GetRobotsAsync(CancellationToken cancellationToken) =>
        (await Call<StubRobot[]>("robots", new { }, true, cancellationToken).ConfigureAwait(false))
        .Select(r => new OutboundRobot(StubVendorDescriptor.Id, r.Id) { Name = r.Name, Variables = r.Variables }).ToArray();

    public async Task<OutboundTask> CreateTaskAsync(NewTaskSpec spec, CancellationToken cancellationToken)
    {
        var id = await Call<string>("create", new { name = spec.Name, robot = spec.RobotId, lines = spec.Lines }, false, cancellationToken).ConfigureAwait(false);
        return await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OutboundTask> GetTaskAsync(string taskId, CancellationToken cancellationToken) =>
        ToTask(await Call<StubTask>("get", new { task = taskId }, true, cancellationToken).ConfigureAwait(false));

    public OutboundException? StalledBy(OutboundTask task) => null;

    public async Task<TaskPage> GetTaskPageAsync(TaskFilter filter, int pageIndex, CancellationToken cancellationToken)
    {
        var tasks = await Call<StubTask[]>("list", new { page = pageIndex }, true, cancellationToken).ConfigureAwait(false);
        return new TaskPage(tasks.Select(ToTask).ToArray(), tasks.Length);
    }

    public Task UpdateTaskAsync(TaskUpdateSpec spec, CancellationToken cancellationToken) =>
        Call<object>("update", new { task = spec.TaskId, name = spec.Name }, false, cancellationToken);

    public Task StartTaskAsync(string taskId, CancellationToken cancellationToken) => Call<object>("start", new { task = taskId }, false, cancellationToken);

    public Task PauseTaskAsync(string taskId, CancellationToken cancellationToken) => Call<object>("pause", new { task = taskId }, false, cancellationToken);

    public Task DeleteTaskAsync(string taskId, CancellationToken cancellationToken) => Call<object>("delete", new { task = taskId }, false, cancellationToken);

    public async Task<ICustomerSink> OpenImportAsync(string taskId, CustomerColumns columns, CancellationToken cancellationToken)
    {
        await GetTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        return new Sink(this, taskId);
    }

    public async Task<IReadOnlyList<OutboundCallResult>> CallAsync(CallSpec spec, CancellationToken cancellationToken)
    {
        var ids = await Call<long[]>("call", new { robot = spec.RobotId, rows = spec.Customers.Select(c => c.Phone) }, false, cancellationToken).ConfigureAwait(false);
        return spec.Customers.Select((c, i) => new OutboundCallResult(StubVendorDescriptor.Id, c.Phone)
        {
            Name = c.Name, DataId = ids[i].ToString(CultureInfo.InvariantCulture), Accepted = true,
        }).ToArray();
    }

    public void Dispose()
    {
        _secret.Dispose();
        _transport.Dispose();
    }

    private OutboundTask ToTask(StubTask t) => new(_session, t.Id)
    {
        Name = t.Name,
        VendorStatus = t.Status,
        Status = t.Status switch
        {
            0 => OutboundTaskStatus.New,
            1 => OutboundTaskStatus.Running,
            2 => OutboundTaskStatus.Completed,
            3 => OutboundTaskStatus.Paused,
            4 => OutboundTaskStatus.Deleted,
            _ => OutboundTaskStatus.Unknown,
        },
        RobotId = t.Robot,
        Lines = t.Lines,
        Total = t.Total,
        Called = t.Called,
        Connected = t.Connected,
        ConnectRate = OutboundTask.RateOf(t.Called, t.Connected),
        Remaining = t.Total - t.Called,
    };

    private Task<T> Call<T>(string operation, object body, bool read, CancellationToken cancellationToken) =>
        Send<T>(operation, JsonRequestBody.Serialize(body), read, cancellationToken);

    private Task<T> Send<T>(string operation, byte[] body, bool read, CancellationToken cancellationToken) =>
        (read ? _reads : _writes).ExecuteAsync(async token =>
        {
            var request = new RestRequest("stub/" + operation, Method.Post).AddHeader("x-stub-key", _session.AppKey + ":" + SecretText.Reveal(_secret)).AddUtf8Json(body);
            var raw = await _transport.SendAsync(request, operation, token).ConfigureAwait(false);
            var answer = EnvelopeReader.Read<StubAnswer<T>>(raw, StubVendorDescriptor.Id, operation, a => a.Ok is not null);
            if (answer.Ok == true) return answer.Data!;
            throw OutboundErrors.Vendor(StubVendorDescriptor.Id, operation, answer.Code ?? "?", answer.Message, new VendorErrorInfo(
                "refused", answer.Code == "404" ? OutboundErrorKind.ObjectNotFound : OutboundErrorKind.InvalidArgument, "Check the request."));
        }, cancellationToken).AsTask();

    private sealed class Sink : ICustomerSink
    {
        private readonly StubClient _client;
        private readonly string _taskId;

        internal Sink(StubClient client, string taskId)
        {
            _client = client;
            _taskId = taskId;
        }

        public PreparedBatch Prepare(IReadOnlyList<CustomerRow> batch) =>
            new(batch, JsonRequestBody.Serialize(new { task = _taskId, rows = batch.Select(c => c.Phone) }));

        public async Task<BatchOutcome> SendAsync(PreparedBatch batch, CancellationToken cancellationToken) =>
            new() { DataIds = await _client.Send<long[]>("import", batch.Body, false, cancellationToken).ConfigureAwait(false) };
    }

    private sealed class StubAnswer<T>
    {
        [JsonPropertyName("ok")] public bool? Ok { get; set; }
        [JsonPropertyName("code")] public string? Code { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("data")] public T? Data { get; set; }
    }

    private sealed class StubLine
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("number")] public string Number { get; set; } = string.Empty;
    }

    private sealed class StubRobot
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("variables")] public string[] Variables { get; set; } = Array.Empty<string>();
    }

    private sealed class StubTask
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("status")] public int Status { get; set; }
        [JsonPropertyName("robot")] public string? Robot { get; set; }
        [JsonPropertyName("lines")] public string[] Lines { get; set; } = Array.Empty<string>();
        [JsonPropertyName("total")] public int Total { get; set; }
        [JsonPropertyName("called")] public int Called { get; set; }
        [JsonPropertyName("connected")] public int Connected { get; set; }
    }
}
