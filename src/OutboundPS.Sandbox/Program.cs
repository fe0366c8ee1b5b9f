using System;
using System.Threading;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.Hosting;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sandbox.IFlytek;

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
            Console.Error.WriteLine($"Unknown option {args[i]}. Usage: --vendor iflytek|byrobot --port 5080");
            return 2;
    }
}

IVendorSimulator simulator = vendor switch
{
    "iflytek" => new IFlytekSimulator(SandboxBackends.AppKey, SandboxBackends.AppSecret, new ScaledClock(SandboxBackends.Speed)),
    "byrobot" => new ByRobotSimulator(SandboxBackends.AppKey, SandboxBackends.AppSecret, new ScaledClock(SandboxBackends.Speed)),
    _ => throw new ArgumentException($"No simulator for vendor '{vendor}'. Use iflytek or byrobot."),
};

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var host = new HttpListenerHost(simulator, port);
Console.WriteLine($"{vendor} sandbox listening on {host.BaseUri} (app key '{SandboxBackends.AppKey}', app secret '{SandboxBackends.AppSecret}'). Ctrl+C stops it.");
await host.RunAsync(stop.Token);
return 0;
