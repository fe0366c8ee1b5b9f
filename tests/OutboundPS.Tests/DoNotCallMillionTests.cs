using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Import;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.Hosting;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// Issue 18's done-when 3: 100,000 rows imported with a 1,000,000-number do-not-call list, over real loopback HTTP to
/// the sandbox host's own server; its request log (what crossed the wire, bodies included) holds every row not listed
/// and no listed number. Speed and memory are the benchmark's job (tests/OutboundPS.Benchmarks dnc).
/// </summary>
public sealed class DoNotCallMillionTests : IDisposable
{
    private const int Rows = 100_000;
    private const int ListSize = 1_000_000;
    private static readonly Regex Mobile = new(@"(?<!\d)1\d{10}(?!\d)", RegexOptions.CultureInvariant);
    private readonly string _list = Path.Combine(Path.GetTempPath(), $"outboundps-dnc-million-{Guid.NewGuid():N}.txt");
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"outboundps-dnc-requests-{Guid.NewGuid():N}.jsonl");

    public void Dispose()
    {
        File.Delete(_list);
        File.Delete(_log);
    }

    /// <summary>Row i's phone: 130 0000 0000 + i, written plainly as most exports do.</summary>
    private static string RowPhone(int i) => (13_000_000_000L + i).ToString(CultureInfo.InvariantCulture);

    /// <summary>One row in seven is listed.</summary>
    private static bool Listed(int i) => i % 7 == 3;

    [Theory]
    [MemberData(nameof(SandboxHarness.Vendors), MemberType = typeof(SandboxHarness))]
    public async Task HundredThousandRows_MillionNumberList_EveryListedRowRejectedAsDoNotCall_NoneOnTheWire(string vendor)
    {
        var listed = WriteList();
        var list = DoNotCallList.Load(null, new[] { _list })!;
        Assert.Equal(ListSize, list.Count);

        var descriptor = SimulatorCatalog.Find(vendor);
        var simulator = descriptor.Create(SandboxBackends.AppKey, SandboxBackends.AppSecret, new ManualClock(SandboxHarness.Start));
        simulator.Lean = true;
        using (var log = new StreamWriter(_log, append: false, new UTF8Encoding(false)))
        using (var host = new HttpListenerHost(simulator, LoopbackPrefix.FreePort()) { RequestLog = log })
        using (var stop = new CancellationTokenSource())
        {
            var serving = host.RunAsync(stop.Token);
            var session = await SessionConnector.ConnectAsync(
                new ConnectRequest(new OutboundVendor(descriptor.Key), SandboxBackends.AppKey, SecretText.Protect(SandboxBackends.AppSecret))
                {
                    BaseUri = host.BaseUri, Name = "dnc-million-" + Guid.NewGuid().ToString("N"),
                },
                SandboxConnection.Registry, CancellationToken.None);
            try
            {
                var task = await session.Client.CreateTaskAsync(
                    new NewTaskSpec { Name = "dnc", RobotId = descriptor.SimpleRobotId, Lines = new[] { descriptor.LineId } }, CancellationToken.None);
                var import = new CustomerImport(session, task.Id, new ImportOptions
                {
                    ThrottleLimit = 4, KeepRows = true, VariableProperty = Array.Empty<string>(), DoNotCall = list,
                });
                for (var i = 0; i < Rows; i++)
                    await import.AddAsync(SandboxHarness.Row(("Phone", RowPhone(i)), ("Name", "客户")), null, CancellationToken.None);
                var result = await import.CompleteAsync(CancellationToken.None);

                Assert.Equal(Rows, result.Submitted);
                Assert.Equal(listed.Count, result.Rejected);
                Assert.Equal(Rows - listed.Count, result.Accepted);
                Assert.Equal(0, result.Failed + result.Unknown);
                for (var i = 0; i < Rows; i++)
                {
                    var row = result.Rows[i];
                    Assert.Equal(Listed(i) ? ImportOutcome.Rejected : ImportOutcome.Accepted, row.Outcome);
                    Assert.Equal(Listed(i) ? "DoNotCall" : null, row.Code);
                }
            }
            finally
            {
                SandboxConnection.Registry.Remove(session);
                stop.Cancel();
                await serving;
            }
        }

        // What the host logged as it arrived: every number in every request body.
        var onTheWire = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(_log))
        {
            var body = (string?)JsonNode.Parse(line)!["body"] ?? string.Empty;
            foreach (Match match in Mobile.Matches(body)) onTheWire.Add(match.Value);
        }

        Assert.DoesNotContain(onTheWire, listed.Contains);
        var expected = Enumerable.Range(0, Rows).Where(i => !Listed(i)).Select(RowPhone).ToList();
        Assert.All(expected, phone => Assert.Contains(phone, onTheWire));
    }

    /// <summary>
    /// Writes the list: the listed rows' numbers in the written forms people use (+86 with separators, 0086, 86), and
    /// numbers no row has (135…) up to a million in all. Returns the listed rows' numbers as the rows give them.
    /// </summary>
    private HashSet<string> WriteList()
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        using var writer = new StreamWriter(_list, append: false, new UTF8Encoding(false));
        var written = 0;
        for (var i = 0; i < Rows; i++)
        {
            if (!Listed(i)) continue;
            var phone = RowPhone(i);
            listed.Add(phone);
            writer.WriteLine((written % 3) switch
            {
                0 => $"+86 {phone.Substring(0, 3)}-{phone.Substring(3, 4)}-{phone.Substring(7)}",
                1 => "0086" + phone,
                _ => "86" + phone,
            });
            written++;
        }

        for (var k = 0; written < ListSize; k++, written++)
            writer.WriteLine((13_500_000_000L + k * 7L).ToString(CultureInfo.InvariantCulture));
        return listed;
    }
}
