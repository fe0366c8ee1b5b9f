using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.ByRobot;
using OutboundPS.IFlytek;
using OutboundPS.Import;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sandbox.Hosting;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sessions;
using OutboundPS.Contract;

namespace OutboundPS.Benchmarks;

/// <summary>One import through the real client into a lean simulator, in process or over HTTP on loopback.</summary>
internal static class Scenario
{
    internal static readonly OutboundVendor[] Vendors = { IFlytekVendor.Id, ByRobotVendor.Id };
    private static readonly SessionRegistry Registry = new();

    internal static int BatchSize(OutboundVendor vendor) => vendor == IFlytekVendor.Id ? 50 : 500;

    /// <summary>
    /// Imports <paramref name="rows"/> generated rows and returns how long the import took: into an in-process
    /// simulator, or over HTTP into one served at <paramref name="server"/> (another process, like a real vendor).
    /// </summary>
    internal static async Task<(TimeSpan Elapsed, OutboundImportResult Result)> ImportAsync(
        OutboundVendor vendor, long rows, int throttle, TimeSpan latency, Uri? server = null, DoNotCallList? doNotCall = null)
    {
        var request = new ConnectRequest(vendor, "bench", SecretText.Protect("bench")) { Name = "bench-" + Guid.NewGuid().ToString("N") };
        if (server is not null)
        {
            request.BaseUri = server;
        }
        else
        {
            var simulator = Create(vendor);
            simulator.Faults.Latency = latency;
            request.SandboxHandler = new SandboxHandler(simulator);
        }

        var session = await SessionConnector.ConnectAsync(request, Registry, CancellationToken.None);
        try
        {
            var robot = vendor == IFlytekVendor.Id ? "719" : "5001";
            var line = vendor == IFlytekVendor.Id ? "055169101401" : "101";
            var task = await session.Client.CreateTaskAsync(new NewTaskSpec { Name = "bench", RobotId = robot, Lines = new[] { line } }, CancellationToken.None);
            var import = new CustomerImport(session, task.Id, new ImportOptions { ThrottleLimit = throttle, DoNotCall = doNotCall });
            var watch = Stopwatch.StartNew();
            for (long i = 0; i < rows; i++) await import.AddAsync(new SyntheticRow(i), null, CancellationToken.None);
            var result = await import.CompleteAsync(CancellationToken.None);
            watch.Stop();
            if (result.Accepted != rows) throw new InvalidOperationException($"Only {result.Accepted} of {rows} rows were accepted.");
            return (watch.Elapsed, result);
        }
        finally
        {
            Registry.Remove(session);
        }
    }

    /// <summary>
    /// Imports <paramref name="rows"/> generated rows, every <paramref name="badEvery"/>-th with a bad phone, into an
    /// in-process simulator with -NotAcceptedPath <paramref name="path"/>; returns the account (not -PassThru: no rows kept).
    /// </summary>
    internal static async Task<OutboundImportResult> ImportNotAcceptedAsync(OutboundVendor vendor, long rows, long badEvery, string path)
    {
        var simulator = Create(vendor);
        var request = new ConnectRequest(vendor, "bench", SecretText.Protect("bench"))
        {
            Name = "bench-" + Guid.NewGuid().ToString("N"),
            SandboxHandler = new SandboxHandler(simulator),
        };
        var session = await SessionConnector.ConnectAsync(request, Registry, CancellationToken.None);
        try
        {
            var robot = vendor == IFlytekVendor.Id ? "719" : "5001";
            var line = vendor == IFlytekVendor.Id ? "055169101401" : "101";
            var task = await session.Client.CreateTaskAsync(new NewTaskSpec { Name = "bench", RobotId = robot, Lines = new[] { line } }, CancellationToken.None);
            var import = new CustomerImport(session, task.Id, new ImportOptions { ThrottleLimit = 4, NotAcceptedPath = path, ErrorLimit = 100 });
            for (long i = 0; i < rows; i++) await import.AddAsync(new SyntheticRow(i, badEvery), null, CancellationToken.None);
            var result = await import.CompleteAsync(CancellationToken.None);
            // The cmdlet would write these to the error stream as they come; here they are only dropped.
            while (import.Notices.TryDequeue(out _)) { }
            return result;
        }
        finally
        {
            Registry.Remove(session);
        }
    }

    /// <summary>
    /// Reads the -NotAcceptedPath file back line by line and checks it holds exactly the bad rows, in order, each Rejected;
    /// returns how many it holds.
    /// </summary>
    internal static long CheckNotAccepted(string path, long rows, long badEvery)
    {
        // ReadLines takes the byte-order mark as UTF-8's and drops it.
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext() || lines.Current != "\"手机号码\",\"姓名\",\"金额\",\"Outcome\",\"Reason\",\"Code\"")
            throw new InvalidOperationException($"Unexpected header: {lines.Current}");
        long count = 0;
        for (long i = 0; i < rows; i++)
        {
            if (!SyntheticRow.IsBad(i, badEvery)) continue;
            if (!lines.MoveNext() || !lines.Current.StartsWith($"\"{SyntheticRow.BadPhone}\",\"客户\",\"100\",\"Rejected\",\"Row {i + 1}, ", StringComparison.Ordinal))
                throw new InvalidOperationException($"Row {i + 1} is missing from {path}; found: {lines.Current}");
            count++;
        }

        if (lines.MoveNext()) throw new InvalidOperationException($"{path} holds a row that was accepted: {lines.Current}");
        return count;
    }

    /// <summary>
    /// Creates a BYRobot task over HTTP holding <paramref name="records"/> customers, starts it and waits until every one
    /// has been dialled (the served simulator's clock runs a million times faster than real time); returns the task id.
    /// </summary>
    internal static async Task<(OutboundSession Session, string TaskId)> PrepareRecordsAsync(Uri server, int records)
    {
        var request = new ConnectRequest(ByRobotVendor.Id, "bench", SecretText.Protect("bench")) { Name = "bench-" + Guid.NewGuid().ToString("N"), BaseUri = server };
        var session = await SessionConnector.ConnectAsync(request, Registry, CancellationToken.None);
        var task = await session.Client.CreateTaskAsync(new NewTaskSpec { Name = "bench", RobotId = "5001", Lines = new[] { "101" }, Concurrency = 1000 }, CancellationToken.None);
        var import = new CustomerImport(session, task.Id, new ImportOptions { ThrottleLimit = 4 });
        for (long i = 0; i < records; i++) await import.AddAsync(new SyntheticRow(i), null, CancellationToken.None);
        await import.CompleteAsync(CancellationToken.None);
        await session.Client.StartTaskAsync(task.Id, CancellationToken.None);
        while (!(await session.Client.GetTaskAsync(task.Id, CancellationToken.None)).IsFinished) await Task.Delay(100);
        return (session, task.Id);
    }

    /// <summary>Reads every finished call of a task with <paramref name="pagesInFlight"/> pages in flight; returns how long it took and how many came.</summary>
    internal static async Task<(TimeSpan Elapsed, long Records)> ReadRecordsAsync(OutboundSession session, string taskId, int pagesInFlight)
    {
        var watch = Stopwatch.StartNew();
        long count = 0;
        using (var stream = OutboundPS.Results.CallRecordReads.Open(session,
                   new OutboundPS.Results.CallRecordQuery(OutboundPS.Results.CallRecordSource.Finished, new CallRecordFilter(taskId)) { ThrottleLimit = pagesInFlight },
                   CancellationToken.None))
            while (await stream.NextAsync() is { } batch) count += batch.Count;
        return (watch.Elapsed, count);
    }

    /// <summary>
    /// Pipes every finished call of a task into a new task's import, as `Get-OutboundCallRecord | Import-OutboundCustomer`
    /// does: each record's variables are read (phoneLogInfo) as it reaches the import, with <paramref name="throttle"/> as
    /// both commands' -ThrottleLimit; returns how long it took and how many the recall task accepted.
    /// </summary>
    internal static async Task<(TimeSpan Elapsed, long Records)> RecallAsync(OutboundSession session, string taskId, int throttle)
    {
        var recall = await session.Client.CreateTaskAsync(new NewTaskSpec { Name = "recall", RobotId = "5001", Lines = new[] { "101" } }, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var import = new CustomerImport(session, recall.Id, new ImportOptions { ThrottleLimit = throttle });
        using (var stream = OutboundPS.Results.CallRecordReads.Open(session,
                   new OutboundPS.Results.CallRecordQuery(OutboundPS.Results.CallRecordSource.Finished, new CallRecordFilter(taskId)) { ThrottleLimit = throttle },
                   CancellationToken.None))
            while (await stream.NextAsync() is { } batch)
                foreach (var record in batch)
                {
                    await import.AddAsync(new CallRecordInputRow(record), record, CancellationToken.None);
                    // The list carries no variables: the import read them, or the figure measures nothing.
                    if (record.Variables.Count == 0) throw new InvalidOperationException($"Call {record.CallId} reached the import without its variables.");
                }

        var result = await import.CompleteAsync(CancellationToken.None);
        watch.Stop();
        if (result.Accepted != result.Submitted) throw new InvalidOperationException($"The recall task accepted {result.Accepted} of {result.Submitted} records.");
        return (watch.Elapsed, result.Accepted);
    }

    /// <summary>Serves a BYRobot simulator that keeps its customers and dials them at once, for reading results back.</summary>
    internal static async Task ServeResultsAsync(TimeSpan latency)
    {
        var simulator = SimulatorCatalog.Find(ByRobotVendor.Id.Key).Create("bench", "bench", new ScaledClock(1_000_000));
        simulator.KeepHistory = false;
        await ServeAsync(simulator, latency);
    }

    /// <summary>Serves a lean simulator with the given latency over HTTP until standard input closes.</summary>
    internal static Task ServeAsync(OutboundVendor vendor, TimeSpan latency) => ServeAsync(Create(vendor), latency);

    private static async Task ServeAsync(IVendorSimulator simulator, TimeSpan latency)
    {
        simulator.Faults.Latency = latency;
        using var stop = new CancellationTokenSource();
        using var host = new HttpListenerHost(simulator, FreePort());
        var serving = host.RunAsync(stop.Token);
        Console.WriteLine(host.BaseUri);
        await Console.In.ReadToEndAsync();
        stop.Cancel();
        await serving;
    }

    private static IVendorSimulator Create(OutboundVendor vendor)
    {
        var simulator = SimulatorCatalog.Find(vendor.Key).Create("bench", "bench", new ManualClock(DateTimeOffset.UtcNow));
        simulator.Lean = true;
        return simulator;
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago: HttpListener cannot bind port 0 itself.</summary>
    internal static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
