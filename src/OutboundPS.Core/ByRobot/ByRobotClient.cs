using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Diagnostics;
using OutboundPS.Http;
using OutboundPS.Contract;
using Polly;
using RestSharp;

namespace OutboundPS.ByRobot;

/// <summary>BYRobot open API v1 (docs/vendors/byrobot.md#requests-and-responses): signed headers, GET reads, JSON POST writes.</summary>
internal sealed partial class ByRobotClient : IVendorClient, ITaskUpdates, ITaskStops
{
    internal const string CompaniesPath = "openapi/v1/company/getCompanys";
    internal const string PhonesPath = "openapi/v1/company/getPhones";
    internal const string RobotsPath = "openapi/v1/company/getRobots";
    internal const string SceneVariablesPath = "openapi/v1/task/getSceneVariables";
    internal const string CreatePath = "openapi/v1/task/createTask";
    internal const string StartPath = "openapi/v1/task/start";
    internal const string PausePath = "openapi/v1/task/pause";
    internal const string StopPath = "openapi/v1/task/stop";
    internal const string DeletePath = "openapi/v1/task/delete";
    internal const string UpdatePath = "openapi/v1/task/update";
    internal const string ImportPath = "openapi/v2/task/importTaskCustomer";
    internal const string CallPath = "openapi/v1/task/call";
    internal const string SingleCallPath = "openapi/v1/task/singleCallByMobile";
    internal const string TasksPath = "openapi/v1/task/getTasks";
    internal const string TaskDetailPath = "openapi/v1/task/getTaskDetail";

    /// <summary>Redial statuses repeatCallRule allows (docs/vendors/byrobot.md#redial-statuses): unreachable, failed, off, busy, suspended, arrears, call loss.</summary>
    private static readonly int[] RedialStatuses = { 2, 3, 5, 6, 7, 9, 10 };

    private readonly VendorTransport _transport;
    private readonly ByRobotSigner _signer;
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _readRetry;
    private readonly OutboundSession _session;
    private int _legacyCallWarned;

    internal ByRobotClient(OutboundSession session, SecureString appSecret, TransportOptions options, Func<DateTimeOffset>? now = null)
    {
        _session = session;
        _transport = new VendorTransport(ByRobotVendor.Id, options);
        _signer = new ByRobotSigner(session.AppKey, appSecret, now ?? (() => DateTimeOffset.UtcNow));
        _retry = RetryPipeline.Create(options, reads: false);
        _readRetry = RetryPipeline.Create(options, reads: true);
    }

    private static OutboundVendor Vendor => ByRobotVendor.Id;

    /// <summary>The session's company, which every call names.</summary>
    internal long CompanyId => long.Parse(_session.CompanyId!, CultureInfo.InvariantCulture);

    public async Task ValidateCredentialsAsync(CancellationToken cancellationToken)
    {
        ByRobotCompany[] companies;
        try
        {
            companies = await GetAsync<ByRobotCompany[]>(CompaniesPath, "company/getCompanys", cancellationToken).ConfigureAwait(false) ?? Array.Empty<ByRobotCompany>();
        }
        catch (OutboundException error) when (error.VendorCode == "401")
        {
            // The company list carries no data but the signature, so here 401 can only mean the key or the secret.
            throw OutboundErrors.Vendor(Vendor, "company/getCompanys", "401", error.VendorMessage, new VendorErrorInfo("the app key and secret were refused",
                OutboundErrorKind.AuthenticationError, "Check the app key and secret in the CRM (系统管理 → 系统设置 → API配置) and connect again."));
        }

        var known = string.Join(", ", companies.Select(c => $"{c.CompanyId} ({c.CompanyName})"));
        if (_session.CompanyId is { } wanted)
        {
            if (companies.All(c => c.CompanyId?.ToString(CultureInfo.InvariantCulture) != wanted))
                throw OutboundErrors.InvalidArgument("CompanyId", wanted, $"is not a company this app key may use; it may use {known}.", "Pass one of those ids.");
            return;
        }

        if (companies.Length != 1)
            throw OutboundErrors.InvalidArgument("CompanyId", null,
                companies.Length == 0 ? "this app key is bound to no company." : $"this app key operates several companies: {known}.",
                "Pass -CompanyId to choose the default company.");
        _session.CompanyId = companies[0].CompanyId!.Value.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<OutboundLine>> GetLinesAsync(CancellationToken cancellationToken) =>
        (await ReadPhonesAsync(cancellationToken).ConfigureAwait(false)).Select(p => new OutboundLine(Vendor, ByRobotTaskMapper.Id(p.UserPhoneId), p.Phone ?? string.Empty)
        {
            Name = p.PhoneName,
            Concurrency = p.TotalConcurrencyQuota,
            InUse = p.UsedConcurrencyQuota is { } used ? used > 0 : null,
            Expires = ByRobotSchedule.DateTime(p.ValidityEnd),
            LineType = p.PhoneType,
        }).ToArray();

    public async Task<IReadOnlyList<OutboundRobot>> GetRobotsAsync(CancellationToken cancellationToken)
    {
        var robots = await ReadRobotsAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<OutboundRobot>(robots.Count);
        foreach (var robot in robots)
        {
            result.Add(new OutboundRobot(Vendor, ByRobotTaskMapper.Id(robot.RobotDefId))
            {
                Name = robot.RobotName,
                SceneId = robot.SceneDefId?.ToString(CultureInfo.InvariantCulture),
                Recordings = (robot.SceneRecords ?? Array.Empty<ByRobotSceneRecord>())
                    .Where(r => r.SceneRecordId is not null)
                    .ToDictionary(r => ByRobotTaskMapper.Id(r.SceneRecordId), r => r.SceneRecordName ?? string.Empty),
                Variables = robot.SceneDefId is { } scene ? await TryReadSceneVariablesAsync(robot, scene, cancellationToken).ConfigureAwait(false) : Array.Empty<string>(),
            });
        }

        return result;
    }

    /// <summary>One robot's variables; a robot whose variables cannot be read is still listed, with a warning.</summary>
    private async Task<IReadOnlyList<string>?> TryReadSceneVariablesAsync(ByRobotRobot robot, long scene, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadSceneVariablesAsync(scene, cancellationToken).ConfigureAwait(false);
        }
        catch (OutboundException error) when (error.Kind != OutboundErrorKind.AuthenticationError)
        {
            OperationLog.Warning($"The variables of BYRobot robot {robot.RobotDefId} ({robot.RobotName}, scene {scene}) could not be read, so its " +
                $"Variables are unknown (null): {error.Message}");
            return null;
        }
    }

    public async Task<OutboundTask> CreateTaskAsync(NewTaskSpec spec, CancellationToken cancellationToken)
    {
        var schedule = ByRobotSchedule.FromWindows(spec.WorkingHours ?? TaskDefaults.WorkingHours, "WorkingHours");
        var recallMinutes = RecallMinutes(spec.RecallInterval);
        var lines = await ResolveLinesAsync(spec.Lines, cancellationToken).ConfigureAwait(false);
        var robot = await ResolveRobotAsync(spec.RobotId, cancellationToken).ConfigureAwait(false);
        if (spec.StartTime is { } start && VendorTime.InChina(start).TimeOfDay != TimeSpan.Zero && !spec.Manual)
            OperationLog.Warning($"BYRobot starts timed tasks by date and working hours: the task starts on {ByRobotSchedule.Date(start)} at {schedule.Window.Start:hh\\:mm}, not at {VendorTime.InChina(start):HH:mm}.");
        var body = new ByRobotCreateTask
        {
            CompanyId = CompanyId,
            TaskName = spec.Name,
            // Timed (1) only when told when to start; otherwise manual (2), which dials after Start-OutboundTask as iFlytek tasks do.
            TaskType = spec.Manual || spec.StartTime is null ? 2 : 1,
            StartDate = ByRobotSchedule.Date(spec.StartTime ?? DateTimeOffset.Now),
            WorkingStartTime = ByRobotSchedule.Clock(schedule.Window.Start),
            WorkingEndTime = ByRobotSchedule.Clock(schedule.Window.End),
            BreakStartTime = schedule.Break is { } pause ? ByRobotSchedule.Clock(pause.Start) : null,
            BreakEndTime = schedule.Break is { } resume ? ByRobotSchedule.Clock(resume.End) : null,
            UserPhoneIds = lines.Select(l => l.UserPhoneId!.Value).ToArray(),
            RobotDefId = robot.RobotDefId!.Value,
            SceneDefId = spec.SceneId is { } scene ? ParseId("SceneId", scene) : robot.SceneDefId,
            SceneRecordId = spec.SceneRecordId is { } record ? ParseId("SceneRecordId", record) : robot.SceneRecords?.FirstOrDefault()?.SceneRecordId,
            // The doc advises deriving callType from the chosen line rather than hard-coding it (docs/vendors/byrobot.md#companygetphones).
            CallType = spec.CallType ?? lines[0].PhoneType ?? 1,
            ConcurrencyQuota = spec.Concurrency,
            // Left out unless asked for: the documented default is 0, no SMS, so -SendSms:$false and no -SendSms send the same.
            SmsType = spec.SendSms ? 1 : null,
            Remark = spec.Remark,
            RepeatCall = spec.RecallCount is { } count ? count > 0 : null,
            RepeatCallRule = spec.RecallCount is > 0
                ? RedialStatuses.Select(status => new ByRobotRepeatRule { PhoneStatus = status, Times = spec.RecallCount.Value, Interval = recallMinutes }).ToArray()
                : null,
        };
        var id = await PostAsync<long?>(CreatePath, "task/createTask", body, cancellationToken).ConfigureAwait(false)
            ?? throw OutboundErrors.UnreadableAnswer(Vendor, "task/createTask", 200, "(no task id in data)");
        return await GetTaskAsync(id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
    }

    public async Task<OutboundTask> GetTaskAsync(string taskId, CancellationToken cancellationToken) =>
        ByRobotTaskMapper.ToTask(await ReadTaskAsync(taskId, cancellationToken).ConfigureAwait(false), _session);

    public OutboundException? StalledBy(OutboundTask task) => ByRobotStatusMap.StalledBy(task);

    public async Task<TaskPage> GetTaskPageAsync(TaskFilter filter, int pageIndex, CancellationToken cancellationToken)
    {
        var codes = filter.Status is { Count: > 0 } status ? ByRobotStatusMap.ToCodes(status) : null;
        if (codes is { Length: 0 }) return new TaskPage(Array.Empty<OutboundTask>(), 0);
        var query = new Dictionary<string, string>
        {
            ["companyId"] = _session.CompanyId!,
            ["pageNum"] = pageIndex.ToString(CultureInfo.InvariantCulture),
            ["pageSize"] = ByRobotVendor.PageSize.ToString(CultureInfo.InvariantCulture),
        };
        if (filter.Name is not null) query["taskName"] = filter.Name;
        // getTasks filters one status; several are filtered here, page by page.
        if (codes is { Length: 1 }) query["status"] = codes[0].ToString(CultureInfo.InvariantCulture);
        var page = await GetAsync<ByRobotTaskPage>(TasksPath, "task/getTasks", cancellationToken, query).ConfigureAwait(false) ?? new ByRobotTaskPage();
        var items = page.List ?? Array.Empty<ByRobotTaskItem>();
        var tasks = items.Where(i => codes is null || codes.Contains(i.Status ?? -1)).Select(i => ByRobotTaskMapper.ToTask(i, _session)).ToArray();
        return new TaskPage(tasks, page.Total ?? items.Length, items.Length);
    }

    public async Task UpdateTaskAsync(TaskUpdateSpec spec, CancellationToken cancellationToken)
    {
        var current = await ReadTaskAsync(spec.TaskId, cancellationToken).ConfigureAwait(false);
        var status = ByRobotStatusMap.ToStatus(current.Status);
        if (ByRobotStatusMap.IsRunning(status))
            throw new OutboundException("OutboundPS.ByRobot.TaskRunning", OutboundErrorKind.InvalidOperation,
                $"BYRobot changes only tasks that are not running, and task {spec.TaskId} is {status}. Pause it with Suspend-OutboundTask, change it, then Start-OutboundTask.")
            { Vendor = Vendor, TargetObject = spec.TaskId };
        var concurrency = spec.Concurrency
            ?? throw OutboundErrors.InvalidArgument("Concurrency", null,
                "BYRobot's task/update must restate the task's AI seats, and no BYRobot answer reports them.", "Pass -Concurrency with the seats the task should have.");
        var phones = spec.Line is { } wanted
            ? await ResolveLinesAsync(wanted, cancellationToken).ConfigureAwait(false)
            : await CurrentLinesAsync(current, cancellationToken).ConfigureAwait(false);
        var body = new ByRobotUpdateTask
        {
            CompanyId = CompanyId,
            TaskId = ParseId("Id", spec.TaskId),
            TaskName = spec.Name ?? current.JobName ?? string.Empty,
            TaskType = current.JobType ?? 2,
            UserPhoneIds = phones.Count == 1 ? phones[0].UserPhoneId!.Value : string.Join(",", phones.Select(p => p.UserPhoneId)),
            CallType = phones[0].PhoneType ?? 1,
            ConcurrencyQuota = concurrency,
        };
        if (spec.WorkingHours is { } windows)
        {
            var schedule = ByRobotSchedule.FromWindows(windows, "WorkingHours");
            body.WorkingStartTime = ByRobotSchedule.Clock(schedule.Window.Start);
            body.WorkingEndTime = ByRobotSchedule.Clock(schedule.Window.End);
            body.BreakStartClose = schedule.Break is null;
            body.BreakStartTime = schedule.Break is { } pause ? ByRobotSchedule.Clock(pause.Start) : null;
            body.BreakEndTime = schedule.Break is { } resume ? ByRobotSchedule.Clock(resume.End) : null;
        }

        await PostAsync<object>(UpdatePath, "task/update", body, cancellationToken).ConfigureAwait(false);
    }

    public Task StartTaskAsync(string taskId, CancellationToken cancellationToken) => Control(StartPath, "task/start", taskId, cancellationToken);

    public Task PauseTaskAsync(string taskId, CancellationToken cancellationToken) => Control(PausePath, "task/pause", taskId, cancellationToken);

    public Task StopTaskAsync(string taskId, CancellationToken cancellationToken) => Control(StopPath, "task/stop", taskId, cancellationToken);

    public Task DeleteTaskAsync(string taskId, CancellationToken cancellationToken) => Control(DeletePath, "task/delete", taskId, cancellationToken);

    public async Task<ICustomerSink> OpenImportAsync(string taskId, CustomerColumns columns, CancellationToken cancellationToken)
    {
        var task = await ReadTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        if (task.SceneDefId is { } scene)
        {
            var required = await ReadSceneVariablesAsync(scene, cancellationToken).ConfigureAwait(false);
            // 客户名称 and 联系方式 come from name and phone (docs/vendors/byrobot.md#customer-fields).
            var missing = required.Where(v => v is not ("客户名称" or "联系方式"))
                .Where(v => !columns.Variables.Contains(v, StringComparer.OrdinalIgnoreCase)).ToArray();
            if (missing.Length > 0)
                throw OutboundErrors.InvalidArgument("InputObject", string.Join(", ", columns.Variables),
                    $"the robot of task {taskId} needs the variables {string.Join(", ", required)}, and the input lacks {string.Join(", ", missing)}.",
                    "Add those columns, or rename existing ones with Select-Object @{n='<variable>';e={$_.<property>}}.");
        }

        return new ByRobotCustomerSink(this, ParseId("TaskId", taskId), columns.Variables);
    }

    public async Task<IReadOnlyList<OutboundCallResult>> CallAsync(CallSpec spec, CancellationToken cancellationToken)
    {
        if (spec.CustomerId is not null && spec.Customers.Count != 1)
            throw OutboundErrors.InvalidArgument("CustomerId", spec.CustomerId, "names one CRM customer, so it takes exactly one number.", "Call one number with -CustomerId.");
        if (Interlocked.Exchange(ref _legacyCallWarned, 1) == 0)
            OperationLog.Warning("BYRobot's single-call endpoints (task/call, task/singleCallByMobile) are legacy: BYRobot dropped them from its " +
                "documentation in 2019-2020 and calls them for tests and small volumes. For more than a few numbers, create a task and import them.");
        var robot = await ResolveRobotAsync(spec.RobotId, cancellationToken).ConfigureAwait(false);
        var scene = spec.SceneId is { } sceneText ? ParseId("SceneId", sceneText) : robot.SceneDefId;
        var record = spec.SceneRecordId is { } recordText ? ParseId("SceneRecordId", recordText) : robot.SceneRecords?.FirstOrDefault()?.SceneRecordId;
        var required = scene is { } sceneId ? await ReadSceneVariablesAsync(sceneId, cancellationToken).ConfigureAwait(false) : Array.Empty<string>();
        var calls = spec.Customers.Select(customer => (Customer: customer, Variables: CallVariables(spec, customer, required))).ToList();
        var results = new List<OutboundCallResult>(spec.Customers.Count);
        foreach (var (customer, variables) in calls)
        {
            object? answer = spec.CustomerId is { } customerId
                ? await PostAsync<object>(CallPath, "task/call", new ByRobotCallByCustomer
                {
                    CustomerId = ParseId("CustomerId", customerId),
                    Mobile = customer.Phone,
                    CompanyId = CompanyId,
                    Variables = variables,
                    SceneId = scene,
                    SceneRecordId = record,
                    RobotDefId = robot.RobotDefId!.Value,
                }, cancellationToken).ConfigureAwait(false)
                : await PostAsync<object>(SingleCallPath, "task/singleCallByMobile", new ByRobotCallByMobile
                {
                    Mobile = customer.Phone,
                    CompanyId = CompanyId,
                    Variables = variables,
                    RobotDefId = robot.RobotDefId!.Value,
                    SceneDefId = scene,
                    SceneRecordId = record,
                    UserName = customer.Name,
                }, cancellationToken).ConfigureAwait(false);
            results.Add(new OutboundCallResult(Vendor, customer.Phone)
            {
                Name = customer.Name,
                DataId = answer is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } id ? id.ToString() : null,
                Accepted = true,
                Message = "call requested; the result arrives by callback",
            });
        }

        return results;
    }

    /// <summary>
    /// A single call's variables (the vendor wants the key even when empty: docs/vendors/byrobot.md#quirk-variables-key):
    /// the customer's columns, with 客户名称 taken from the name when the script asks for it and the call gives only a
    /// name. A variable the script needs and the call lacks is refused before anything is sent: 联系方式 is the number,
    /// and a CRM customer (-CustomerId, task/call) already has its name.
    /// </summary>
    private static Dictionary<string, string> CallVariables(CallSpec spec, CustomerRow customer, IReadOnlyList<string> required)
    {
        var variables = spec.Columns.Variables.Select((name, i) => new KeyValuePair<string, string>(name, customer.Values[i]))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        if (required.Contains("客户名称") && !variables.ContainsKey("客户名称") && !string.IsNullOrWhiteSpace(customer.Name))
            variables["客户名称"] = customer.Name!;
        var missing = required.Where(v => v != "联系方式" && !(v == "客户名称" && spec.CustomerId is not null) && !variables.ContainsKey(v)).ToArray();
        if (missing.Length > 0)
            throw OutboundErrors.InvalidArgument("Variable", string.Join(", ", variables.Keys),
                $"robot {spec.RobotId}'s script needs the variables {string.Join(", ", required)}, and the call to {customer.Phone} lacks {string.Join(", ", missing)}.",
                $"Give them with -Variable @{{{string.Join("; ", missing.Select(v => v + "='…'"))}}} (客户名称 also comes from -Name), or as columns of the piped customers.");
        return variables;
    }

    internal async Task<ByRobotImportResult> ImportAsync(byte[] body, CancellationToken cancellationToken) =>
        await PostAsync<ByRobotImportResult>(ImportPath, "task/importTaskCustomer", body, cancellationToken).ConfigureAwait(false)
            ?? throw OutboundErrors.UnreadableAnswer(Vendor, "task/importTaskCustomer", 200, "(no counts in data)");

    private async Task<ByRobotTaskItem> ReadTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var query = new Dictionary<string, string> { ["companyId"] = _session.CompanyId!, ["taskId"] = ParseId("Id", taskId).ToString(CultureInfo.InvariantCulture) };
        try
        {
            return await GetAsync<ByRobotTaskItem>(TaskDetailPath, "task/getTaskDetail", cancellationToken, query).ConfigureAwait(false)
                ?? throw OutboundErrors.TaskNotFound(Vendor, taskId);
        }
        catch (OutboundException error) when (error.VendorCode == "404")
        {
            throw OutboundErrors.TaskNotFound(Vendor, taskId);
        }
    }

    private async Task<IReadOnlyList<ByRobotPhone>> ReadPhonesAsync(CancellationToken cancellationToken) =>
        await GetAsync<ByRobotPhone[]>(PhonesPath, "company/getPhones", cancellationToken, Company()).ConfigureAwait(false) ?? Array.Empty<ByRobotPhone>();

    private async Task<IReadOnlyList<ByRobotRobot>> ReadRobotsAsync(CancellationToken cancellationToken) =>
        await GetAsync<ByRobotRobot[]>(RobotsPath, "company/getRobots", cancellationToken, Company()).ConfigureAwait(false) ?? Array.Empty<ByRobotRobot>();

    private async Task<IReadOnlyList<string>> ReadSceneVariablesAsync(long sceneDefId, CancellationToken cancellationToken)
    {
        var query = Company();
        query["sceneDefId"] = sceneDefId.ToString(CultureInfo.InvariantCulture);
        return await GetAsync<string[]>(SceneVariablesPath, "task/getSceneVariables", cancellationToken, query).ConfigureAwait(false) ?? Array.Empty<string>();
    }

    /// <summary>-Line takes userPhoneIds or caller numbers (docs/vendors/byrobot.md#companygetphones); both resolve to the company's lines.</summary>
    private async Task<IReadOnlyList<ByRobotPhone>> ResolveLinesAsync(IReadOnlyList<string> wanted, CancellationToken cancellationToken)
    {
        var phones = await ReadPhonesAsync(cancellationToken).ConfigureAwait(false);
        return wanted.Select(line => phones.FirstOrDefault(p => ByRobotTaskMapper.Id(p.UserPhoneId) == line || p.Phone == line)
            ?? throw OutboundErrors.InvalidArgument("Line", line, $"is neither a userPhoneId nor a caller number of company {_session.CompanyId}.",
                "Get-OutboundLine lists the lines; pass their Id or Number.")).ToArray();
    }

    private async Task<IReadOnlyList<ByRobotPhone>> CurrentLinesAsync(ByRobotTaskItem task, CancellationToken cancellationToken)
    {
        var ids = (task.CallPhones ?? Array.Empty<ByRobotTaskPhone>()).Select(p => ByRobotTaskMapper.Id(p.UserPhoneId)).ToArray();
        if (ids.Length == 0)
            throw OutboundErrors.InvalidArgument("Line", null, "BYRobot's task/update must restate the task's lines, and the task detail lists none.", "Pass -Line.");
        return await ResolveLinesAsync(ids, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ByRobotRobot> ResolveRobotAsync(string robotId, CancellationToken cancellationToken)
    {
        var robots = await ReadRobotsAsync(cancellationToken).ConfigureAwait(false);
        return robots.FirstOrDefault(r => ByRobotTaskMapper.Id(r.RobotDefId) == robotId)
            ?? throw OutboundErrors.InvalidArgument("RobotId", robotId, $"is not a robot of company {_session.CompanyId}.",
                "Get-OutboundRobot lists the robots; pass their Id.");
    }

    private static int RecallMinutes(TimeSpan? interval)
    {
        if (interval is not { } value) return 0;
        if (value < TimeSpan.Zero || value > TimeSpan.FromMinutes(120))
            throw OutboundErrors.InvalidArgument("RecallInterval", value, "BYRobot waits 0 to 120 minutes between redials.", "Pass a TimeSpan up to 02:00:00.");
        return (int)value.TotalMinutes;
    }

    private static long ParseId(string parameter, string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw OutboundErrors.InvalidArgument(parameter, id, "BYRobot ids are numbers.", "Pass the numeric id.");

    private Dictionary<string, string> Company() => new() { ["companyId"] = _session.CompanyId! };

    private Task Control(string path, string operation, string taskId, CancellationToken cancellationToken) =>
        PostAsync<object>(path, operation, new ByRobotTaskId { TaskId = ParseId("Id", taskId) }, cancellationToken);

    private Task<T?> GetAsync<T>(string path, string operation, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? query = null) =>
        SendAsync<T>(_readRetry, () =>
        {
            var request = new RestRequest(path, Method.Get);
            foreach (var pair in query ?? new Dictionary<string, string>()) request.AddQueryParameter(pair.Key, pair.Value);
            return request;
        }, operation, cancellationToken);

    private Task<T?> PostAsync<T>(string path, string operation, object body, CancellationToken cancellationToken) =>
        PostAsync<T>(path, operation, JsonRequestBody.Serialize(body), cancellationToken);

    private Task<T?> PostAsync<T>(string path, string operation, byte[] body, CancellationToken cancellationToken) =>
        SendAsync<T>(_retry, () => new RestRequest(path, Method.Post).AddUtf8Json(body), operation, cancellationToken);

    /// <summary>One call, signed afresh on every attempt (a retried request must not carry a stale datetime).</summary>
    private Task<T?> SendAsync<T>(ResiliencePipeline retry, Func<RestRequest> build, string operation, CancellationToken cancellationToken) =>
        retry.ExecuteAsync(async token =>
        {
            var request = build();
            var (appKey, dateTime, sign) = _signer.Sign();
            request.AddHeader("appkey", appKey).AddHeader("datetime", dateTime).AddHeader("sign", sign).AddHeader("Accept", "application/json");
            var raw = await _transport.SendAsync(request, operation, token).ConfigureAwait(false);
            return ByRobotEnvelopeReader.Parse<T>(raw, operation).Data;
        }, cancellationToken).AsTask();

    public void Dispose()
    {
        _signer.Dispose();
        _transport.Dispose();
    }
}
