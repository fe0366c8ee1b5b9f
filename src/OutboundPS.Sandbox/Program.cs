using System;
using System.Linq;
using System.Threading;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.Hosting;

// dotnet run --project src/OutboundPS.Sandbox -f net8.0 -- --vendor iflytek --port 5080
var vendor = "iflytek";
var port = 5080;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i].TrimStart('-').ToLowerInvariant())
    {
        case "vendor": vendor = args[i + 1].ToLowerInvariant(); break;
        case "port": port = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. Usage: --vendor <{string.Join("|", SimulatorCatalog.All.Select(d => d.Key.ToLowerInvariant()))}> --port 5080");
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

var simulator = descriptor.Create(SandboxBackends.AppKey, SandboxBackends.AppSecret, new ScaledClock(SandboxBackends.Speed));

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var host = new HttpListenerHost(simulator, port);
Console.WriteLine($"{descriptor.Key} sandbox listening on {host.BaseUri} (app key '{SandboxBackends.AppKey}', app secret '{SandboxBackends.AppSecret}'). Ctrl+C stops it.");
await host.RunAsync(stop.Token);
return 0;
