using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Diagnostics;
using OutboundPS.Http;
using OutboundPS.Contract;
using Polly;
using RestSharp;

namespace OutboundPS.IFlytek;

/// <summary>iFlytek yeta open API v1 (docs/vendors/iflytek.md#requests-and-responses): every call a JSON POST with ?token=.</summary>
internal sealed partial class IFlytekClient : IVendorClient, IVoiceReads
{
    internal const string ConfigPath = "config/v1/query";
    internal const string CalloutPath = "outbound/v1/task/callout";
    internal const string CreatePath = "outbound/v1/task/create";
    internal const string InsertPath = "outbound/v1/task/insert";
    internal const string StartPath = "outbound/v1/task/start";
    internal const string PausePath = "outbound/v1/task/pause";
    internal const string DeletePath = "outbound/v1/task/delete";
    internal const string QueryPath = "outbound/v1/task/query";

    private const int ConfigRobots = 1;
    private const int ConfigLines = 2;
    private const int ConfigVoices = 4;

    private readonly VendorTransport _transport;
    private readonly IFlytekTokenProvider _tokens;
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _readRetry;
    private readonly OutboundSession _session;

    internal IFlytekClient(OutboundSession session, SecureString appSecret, TransportOptions options, Func<DateTimeOffset>? now = null)
    {
        _session = session;
        _transport = new VendorTransport(IFlytekVendor.Id, options);
        _tokens = new IFlytekTokenProvider(_transport, session.AppKey, appSecret, now ?? (() => DateTimeOffset.UtcNow));
        _retry = RetryPipeline.Create(options, reads: false);
        _readRetry = RetryPipeline.Create(options, reads: true);
    }

    private static OutboundVendor Vendor => IFlytekVendor.Id;

    public Task ValidateCredentialsAsync(CancellationToken cancellationToken) => _tokens.GetAsync(cancellationToken);

    public async Task<IReadOnlyList<OutboundLine>> GetLinesAsync(CancellationToken cancellationToken)
    {
        var config = await PostAsync<IFlytekConfigResult>(ConfigPath, "config/query", new IFlytekConfigQuery { Type = ConfigLines }, cancellationToken)
            .ConfigureAwait(false);
        return (config.Lines ?? Array.Empty<IFlytekLine>()).Select(line => new OutboundLine(Vendor, line.LineNum ?? string.Empty, line.LineNum ?? string.Empty)
        {
            Concurrency = line.Concurrents,
            WorkingHours = (line.TimeWork ?? Array.Empty<string>()).Select(TimeRange.TryParse).Where(r => r is not null).ToArray()!,
            InUse = line.Status is { } status ? status == 1 : null,
            Expires = line.RealExpirationTime is > 0 ? VendorTime.FromEpochMilliseconds(line.RealExpirationTime)
                : line.TimeExpire is > 0 && line.TimeApply is > 0 ? VendorTime.FromEpochMilliseconds(line.TimeApply + line.TimeExpire * 1000)
                : null,
        }).ToArray();
    }

    public async Task<IReadOnlyList<OutboundRobot>> GetRobotsAsync(CancellationToken cancellationToken) =>
        (await ReadRobotsAsync(cancellationToken).ConfigureAwait(false))
            .Select(robot => new OutboundRobot(Vendor, robot.RobotId ?? string.Empty)
            {
                Name = robot.RobotName,
                Status = robot.Status switch { 1 => "Reviewing", 2 => "Rejected", 3 => "ReadyToPublish", 4 => "Published", _ => robot.Status?.ToString() },
                // The first call_column is the customer mobile; the rest are the script's variables.
                Variables = (robot.CallColumn ?? Array.Empty<string>()).Skip(1).ToArray(),
            }).ToArray();

    /// <summary>config/query type 4: voice_code and voice_name of each TTS voice (docs/vendors/iflytek.md#endpoints, Y2).</summary>
    public async Task<IReadOnlyList<VendorVoice>> GetVoicesAsync(CancellationToken cancellationToken)
    {
        var config = await PostAsync<IFlytekConfigResult>(ConfigPath, "config/query", new IFlytekConfigQuery { Type = ConfigVoices }, cancellationToken)
            .ConfigureAwait(false);
        return (config.Voices ?? Array.Empty<IFlytekConfigVoice>()).Where(v => !string.IsNullOrEmpty(v.VoiceCode))
            .Select(v => new VendorVoice(v.VoiceCode!, v.VoiceName)).ToArray();
    }

    public async Task<OutboundTask> CreateTaskAsync(NewTaskSpec spec, CancellationToken cancellationToken)
    {
        var body = new IFlytekCreateTask
        {
            TaskName = spec.Name,
            LineNum = string.Join(";", spec.Lines),
            RobotId = spec.RobotId,
            RecallCount = spec.RecallCount,
            TimeRecallWait = spec.RecallInterval is { } wait ? (long)wait.TotalSeconds : null,
            // yeta wants time_range even where its docs call it optional (docs/vendors/iflytek.md#quirk-time-range-required).
            TimeRange = (spec.WorkingHours ?? TaskDefaults.WorkingHours).Select(r => r.ToString(withSeconds: true)).ToArray(),
            TimeBegin = VendorTime.ToEpochMilliseconds(spec.StartTime ?? DateTimeOffset.Now),
            TimeEnd = spec.EndTime is { } end ? VendorTime.ToEpochMilliseconds(end) : null,
            VoiceCode = spec.Voice,
        };
        var created = await PostAsync<IFlytekCreateTaskResult>(CreatePath, "task/create", body, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(created.TaskId))
            throw OutboundErrors.UnreadableAnswer(Vendor, "task/create", 200, "(no task_id in the answer)");
        return await GetTaskAsync(created.TaskId!, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OutboundTask> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var query = new IFlytekTaskQuery { TaskId = taskId, PageIndex = 1, PageSize = 1, ShowRemaining = true };
        var result = await PostAsync<IFlytekTaskQueryResult>(QueryPath, "task/query", query, cancellationToken).ConfigureAwait(false);
        var row = result.Rows?.FirstOrDefault(r => r.TaskId == taskId) ?? throw OutboundErrors.TaskNotFound(Vendor, taskId);
        return IFlytekTaskMapper.ToTask(row, _session);
    }

    /// <summary>No yeta status means the task waits on something outside OutboundPS.</summary>
    public OutboundException? StalledBy(OutboundTask task) => null;

    public async Task<TaskPage> GetTaskPageAsync(TaskFilter filter, int pageIndex, CancellationToken cancellationToken)
    {
        var query = new IFlytekTaskQuery
        {
            TaskName = filter.Name,
            TaskStatusList = filter.Status is { Count: > 0 } status ? IFlytekStatusMap.ToCodes(status) : null,
            PageIndex = pageIndex,
            PageSize = IFlytekVendor.PageSize,
            SortName = "CREATETIME",
            SortOrder = "DESC",
            ShowRemaining = true,
        };
        // A status with no yeta code (Stopped, Queued...) matches nothing; do not let an empty list mean "all".
        if (query.TaskStatusList is { Length: 0 }) return new TaskPage(Array.Empty<OutboundTask>(), 0);
        var result = await PostAsync<IFlytekTaskQueryResult>(QueryPath, "task/query", query, cancellationToken).ConfigureAwait(false);
        var tasks = (result.Rows ?? Array.Empty<IFlytekTaskRow>()).Select(r => IFlytekTaskMapper.ToTask(r, _session)).ToArray();
        return new TaskPage(tasks, result.TotalRows ?? tasks.Length);
    }

    public Task StartTaskAsync(string taskId, CancellationToken cancellationToken) =>
        PostAsync<IFlytekNoResult>(StartPath, "task/start", new IFlytekTaskId { TaskId = taskId }, cancellationToken);

    public Task PauseTaskAsync(string taskId, CancellationToken cancellationToken) =>
        PostAsync<IFlytekNoResult>(PausePath, "task/pause", new IFlytekTaskId { TaskId = taskId }, cancellationToken);

    public Task DeleteTaskAsync(string taskId, CancellationToken cancellationToken) =>
        PostAsync<IFlytekNoResult>(DeletePath, "task/delete", new IFlytekTaskId { TaskId = taskId }, cancellationToken);

    public async Task<ICustomerSink> OpenImportAsync(string taskId, CustomerColumns columns, CancellationToken cancellationToken)
    {
        var task = await GetTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        // yeta: "once started, no more number data can be submitted" (docs/vendors/iflytek.md#insert-only-before-start).
        if (task.Status != OutboundTaskStatus.New)
            throw new OutboundException("OutboundPS.IFlytek.TaskAlreadyStarted", OutboundErrorKind.InvalidOperation,
                $"iFlytek accepts customers only before a task is first started, and task {taskId} is {task.Status}. " +
                "Create a new task with New-OutboundTask and import into it.")
            { Vendor = Vendor, TargetObject = taskId };
        var plan = await PlanColumnsAsync(task.RobotId, columns, cancellationToken).ConfigureAwait(false);
        return new IFlytekCustomerSink(this, taskId, plan);
    }

    public async Task<IReadOnlyList<OutboundCallResult>> CallAsync(CallSpec spec, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(spec.Line))
            throw OutboundErrors.InvalidArgument("Line", spec.Line, "iFlytek places a call from a caller line.",
                "Pass one line_num from Get-OutboundLine to -Line.");
        var plan = await PlanColumnsAsync(spec.RobotId, spec.Columns, cancellationToken).ConfigureAwait(false);
        var results = new List<OutboundCallResult>(spec.Customers.Count);
        for (var offset = 0; offset < spec.Customers.Count; offset += IFlytekVendor.RowLimit)
        {
            var chunk = spec.Customers.Skip(offset).Take(IFlytekVendor.RowLimit).ToArray();
            var body = new IFlytekRows
            {
                RobotId = spec.RobotId,
                LineNum = spec.Line,
                VoiceCode = spec.Voice,
                CallColumn = plan.CallColumn,
                CallList = chunk.Select(plan.ToRow).ToArray(),
            };
            var answer = await PostAsync<IFlytekRowsResult>(CalloutPath, "task/callout", body, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                var id = answer.TaskDataIds is { } ids && ids.Length == chunk.Length ? ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                results.Add(new OutboundCallResult(Vendor, chunk[i].Phone) { Name = chunk[i].Name, DataId = id, Accepted = true, Message = "queued in the default task pool" });
            }
        }

        return results;
    }

    private async Task<IFlytekColumnPlan> PlanColumnsAsync(string? robotId, CustomerColumns columns, CancellationToken cancellationToken)
    {
        var robots = await ReadRobotsAsync(cancellationToken).ConfigureAwait(false);
        var template = robots.FirstOrDefault(r => r.RobotId == robotId)?.CallColumn;
        var plan = IFlytekColumnPlan.Build(columns, template, robotId ?? "(unknown)");
        if (template is null)
            OperationLog.Warning($"Robot {robotId} was not found in the robot list, so columns are sent as they are named in the input.");
        if (plan.Unsent.Count > 0)
            OperationLog.Warning($"Columns {string.Join(", ", plan.Unsent)} are not variables of robot {robotId}; they were not sent. " +
                "Use -VariableProperty to choose the columns explicitly.");
        return plan;
    }

    private async Task<IReadOnlyList<IFlytekRobot>> ReadRobotsAsync(CancellationToken cancellationToken)
    {
        var robots = new List<IFlytekRobot>();
        for (var page = 1; ; page++)
        {
            var query = new IFlytekConfigQuery { Type = ConfigRobots, PageIndex = page, PageSize = IFlytekVendor.PageSize };
            var config = await PostAsync<IFlytekConfigResult>(ConfigPath, "config/query", query, cancellationToken).ConfigureAwait(false);
            var batch = config.Robots ?? Array.Empty<IFlytekRobot>();
            robots.AddRange(batch);
            // Older deployments return every robot at once and no robotTotal.
            if (config.RobotTotal is not { } total || robots.Count >= total || batch.Length == 0) return robots;
        }
    }

    /// <summary>
    /// One yeta call: retried (Polly) when provably not applied, and repeated once with a fresh token when
    /// the vendor refuses the token (10001, 10002).
    /// </summary>
    private Task<T> PostAsync<T>(string path, string operation, object body, CancellationToken cancellationToken) =>
        PostAsync<T>(path, operation, JsonRequestBody.Serialize(body), cancellationToken);

    /// <inheritdoc cref="PostAsync{T}(string, string, object, CancellationToken)"/>
    internal Task<T> PostAsync<T>(string path, string operation, byte[] body, CancellationToken cancellationToken) =>
        // yeta sends reads as POSTs too; config/query, task/query and push/failed change nothing, so they may be repeated after a lost answer.
        (path is ConfigPath or QueryPath or FailedPushesPath ? _readRetry : _retry).ExecuteAsync(async token =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var accessToken = await _tokens.GetAsync(token).ConfigureAwait(false);
                var request = new RestRequest(path, Method.Post).AddQueryParameter("token", accessToken).AddUtf8Json(body);
                var raw = await _transport.SendAsync(request, operation, token).ConfigureAwait(false);
                var envelope = IFlytekEnvelopeReader.Parse<T>(raw, operation);
                // A token refused as invalid (10001) or without permission (10002) may be one the vendor revoked early:
                // log in again once (docs/vendors/iflytek.md#refused-tokens), and report the code if the new token is refused too.
                if (envelope.Code is IFlytekErrorTable.InvalidToken or IFlytekErrorTable.TokenWithoutPermission && attempt == 1)
                {
                    OperationLog.Verbose($"iFlytek refused the token ({envelope.Code}); obtaining a new one and repeating the request once.");
                    _tokens.Invalidate(accessToken);
                    continue;
                }

                return IFlytekEnvelopeReader.Unwrap(envelope, raw, operation);
            }
        }, cancellationToken).AsTask();

    public void Dispose()
    {
        _tokens.Dispose();
        _transport.Dispose();
    }
}
