using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutboundPS.Sandbox.IFlytek;

/// <summary>
/// A faithful-enough yeta backend (docs/vendors/iflytek.md#what-the-sandbox-simulates): token auth, {code, message,
/// result} envelopes, the 50-row and page-size limits, insert only before start, and tasks that dial on the simulated
/// clock. Its routes are in IFlytekRoutes.cs; faults and lost answers are SimulatorBase's.
/// </summary>
public sealed partial class IFlytekSimulator : SimulatorBase
{
    /// <summary>Rows per insert or callout.</summary>
    public const int RowLimit = 50;

    /// <summary>Largest task/query page_size.</summary>
    public const int PageLimit = 50;

    // Windows are HH:mm:ss-HH:mm:ss with hours 00-23.
    private static readonly Regex Window = new(@"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d-([01]\d|2[0-3]):[0-5]\d:[0-5]\d$");

    private readonly string _appKey;
    private readonly string _appSecret;
    private readonly Dictionary<string, DateTimeOffset> _tokens = new();
    private readonly Dictionary<string, IFlytekSandboxTask> _tasks = new();
    private readonly List<(string LineNum, int Concurrents, string[] TimeWork)> _lines = new()
    {
        ("055169101401", 10, new[] { "08:00:00-21:00:00" }),
        ("055169101402", 10, new[] { "08:00:00-21:00:00" }),
    };
    private readonly List<(string Id, string Name, string[] Columns)> _robots = new()
    {
        ("719", "还款提醒", new[] { "客户手机号码", "姓名", "金额" }),
        ("720", "满意度回访", new[] { "客户手机号码", "姓名" }),
    };
    // The common voices of the yeta docs (docs/vendors/iflytek.md#sandbox-voices).
    private static readonly (string Code, string Name)[] Voices =
    {
        ("65580", "春春"), ("62140", "晓诗"), ("60020", "晓燕"), ("60030", "晓峰"), ("65660", "小陈"), ("60130", "楠楠"), ("65600", "晓医"),
    };
    private long _nextTaskId = 7_000_001;
    private long _nextDataId = 180_000_000_000_000_001;
    private int _tokenCounter;
    private readonly Dictionary<string, long> _dataIds = new();

    /// <summary>Makes the tokens the simulator issues; tests use it to plant marker strings.</summary>
    public Func<int, string> TokenFactory { get; set; } = n => n.ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>Creates a simulator that accepts one app key and secret.</summary>
    public IFlytekSimulator(string appKey, string appSecret, SandboxClock clock)
        : base(clock)
    {
        _appKey = appKey;
        _appSecret = appSecret;
    }

    /// <summary>
    /// The path the API is served under: /openapi as on www.xfyeta.com, or the iFlytek mirror's
    /// /v1/service/v1/aicall. Requests outside it get the web server's 404 page.
    /// </summary>
    public string PathPrefix { get; set; } = "/openapi";

    /// <summary>Token lifetime the simulator grants (time_expire).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>Tokens issued so far.</summary>
    public int TokensIssued => _tokenCounter;

    /// <inheritdoc />
    public override IReadOnlyList<string> PhonesOf(string taskId)
    {
        lock (Gate) return _tasks.TryGetValue(taskId, out var task) ? task.Dialling.Phones.ToArray() : Array.Empty<string>();
    }

    /// <summary>The task_data_id the simulator gave each stored phone.</summary>
    public IReadOnlyDictionary<string, long> DataIds
    {
        get
        {
            lock (Gate) return new Dictionary<string, long>(_dataIds);
        }
    }

    /// <summary>Invalidates every token, as if they had expired on the vendor's side.</summary>
    public void RevokeTokens()
    {
        lock (Gate) _tokens.Clear();
    }

    /// <summary>Routes name the documented /openapi layout; another prefix is mapped onto it.</summary>
    /// <remarks>Push-failure files are served at /push_download/ on the host, whatever the prefix (docs/vendors/iflytek.md#what-the-sandbox-simulates).</remarks>
    protected override string? RoutePath(string path) =>
        path.StartsWith(DownloadRoot, StringComparison.Ordinal) ? path
        : path.StartsWith(PathPrefix + "/", StringComparison.Ordinal) ? "/openapi" + path.Substring(PathPrefix.Length) : null;

    /// <summary>Import batches are read without a JSON tree; a test that keeps the history still gets the whole body.</summary>
    protected override (JsonNode? Tree, object? Parsed) Read(string path, SimulatedRequest request)
    {
        var rows = path is InsertPath or CalloutPath ? YetaRowsRequest.Read(request.Body) : null;
        return (rows is null || RecordsHistory ? JsonAnswer.ReadObject(request.Body) : null, rows);
    }

    /// <summary>Every call is a JSON POST; all but the token call carry a live ?token=.</summary>
    protected override SimulatedResponse? Admit(string path, SimulatedRequest request, JsonNode? tree, object? parsed)
    {
        // Failure files are plain downloads: GET, no token (the doc gives only the address).
        if (path.StartsWith(DownloadRoot, StringComparison.Ordinal)) return request.Method == "GET" ? null : NotFound();
        if (request.Method != "POST") return Fail(10005, "请求方式错误");
        if (tree is not JsonObject && parsed is null) return Fail(10005, "输入参数不正确");
        if (path == TokenPath) return Token((JsonObject)tree!);
        return request.Query.TryGetValue("token", out var token) && _tokens.TryGetValue(token, out var expires) && Clock.Now < expires
            ? null
            : Fail(10001, "无效的token请求");
    }

    /// <inheritdoc />
    protected override SimulatedResponse Refuse(int code, string message) => Fail(code, message);

    /// <summary>yeta turns a request away with 10004, before looking at it.</summary>
    protected override SimulatedResponse Busy() => Fail(10004, "服务忙，请稍后再试");

    /// <inheritdoc />
    protected override void Advance()
    {
        foreach (var task in _tasks.Values)
        {
            task.Advance(Clock.Now);
            MakePushes(task);
        }
    }
}
