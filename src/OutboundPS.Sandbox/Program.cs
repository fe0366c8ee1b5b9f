using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.Hosting;
using OutboundPS.Sandbox.Pushes;

// dotnet run --project src/OutboundPS.Sandbox -f net8.0 -- --vendor iflytek --port 5080 [--push-uri http://127.0.0.1:9000/push]
// [--task-status-uri …]: BYRobot's 2019+ pages send task status to its own address; without it, to --push-uri (2018 pages).
// [--request-log <file>]: writes every request received (method, path, query, headers, body) to the file, one JSON line each.
var vendor = "iflytek";
var port = 5080;
Uri? pushUri = null;
Uri? taskStatusUri = null;
string? requestLogPath = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i].TrimStart('-').ToLowerInvariant())
    {
        case "vendor": vendor = args[i + 1].ToLowerInvariant(); break;
        case "port": port = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        case "push-uri": pushUri = new Uri(args[i + 1]); break;
        case "task-status-uri": taskStatusUri = new Uri(args[i + 1]); break;
        case "request-log": requestLogPath = args[i + 1]; break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. Usage: --vendor <{string.Join("|", SimulatorCatalog.All.Select(d => d.Key.ToLowerInvariant()))}> --port 5080 [--push-uri <url>] [--task-status-uri <url>] [--request-log <file>]");
            return 2;
    }
}

SimulatorDescriptor descriptor;
try
{
    descriptor = SimulatorCatalog.Find(vendor);
}
catch (NotSupportedException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

var clock = new ScaledClock(SandboxBackends.Speed);
var simulator = descriptor.Create(SandboxBackends.AppKey, SandboxBackends.AppSecret, clock);
if (simulator.DeliveryRule is { } rule)
{
    if (pushUri is not null) simulator.PushSender = new PushSender(pushUri, rule, clock);
    if (taskStatusUri is not null) simulator.TaskStatusSender = new PushSender(taskStatusUri, rule, clock);
}
else if (pushUri is not null)
{
    Console.Error.WriteLine($"The {descriptor.Key} sandbox pushes nothing; --push-uri is ignored.");
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
// Shared for reading and deleting, so a test can read the log while the host runs and remove it afterwards.
using var requestLog = requestLogPath is null ? null
    : new StreamWriter(new FileStream(requestLogPath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete), new UTF8Encoding(false));
using var host = new HttpListenerHost(simulator, port) { RequestLog = requestLog };
Console.WriteLine($"{descriptor.Key} sandbox listening on {host.BaseUri} (app key '{SandboxBackends.AppKey}', app secret '{SandboxBackends.AppSecret}'). Ctrl+C stops it.");
await host.RunAsync(stop.Token);
simulator.PushSender?.Dispose();
simulator.TaskStatusSender?.Dispose();
return 0;
