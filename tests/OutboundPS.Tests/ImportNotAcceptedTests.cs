using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Import;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>-NotAcceptedPath and -ErrorLimit: a runbook keeps every row not accepted without -PassThru, and its error stream stays small.</summary>
public sealed class ImportNotAcceptedTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"outboundps-notaccepted-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [MemberData(nameof(SandboxHarness.Vendors), MemberType = typeof(SandboxHarness))]
    public async Task NotAcceptedCsv_HoldsExactlyTheRowsNotAccepted_WithTheirOriginalColumns(string vendor)
    {
        await using var h = await SandboxHarness.ForVendorAsync(vendor);
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "not accepted", RobotId = h.RobotId, Lines = new[] { h.LineId } }, CancellationToken.None);
        // One batch refused by the vendor (Failed, with its code), one whose answer is lost after it was stored (Unknown).
        var refusal = vendor == "IFlytek" ? "200209" : "412";
        h.Simulator.Faults.FailNext(h.Descriptor.ImportPath, int.Parse(refusal, System.Globalization.CultureInfo.InvariantCulture));
        h.Simulator.Faults.DropNext(h.Descriptor.ImportPath, afterProcessing: true);

        var import = new CustomerImport(h.Session, task.Id,
            new ImportOptions { KeepRows = true, BatchSize = 10, ThrottleLimit = 4, VariableProperty = Array.Empty<string>(), NotAcceptedPath = _path });
        var inputs = new List<(string Phone, string Name, string Note)>();
        for (var i = 0; i < 200; i++)
        {
            // Every 20th phone cannot be dialled; row 150 repeats row 149; notes need quoting (comma, quote, line break).
            var phone = i % 20 == 7 ? "12345" : i == 150 ? $"139 0000 {149:0000}" : $"139 0000 {i:0000}";
            var input = (phone, $"客户{i}", i % 3 == 0 ? $"备注 {i}, \"VIP\"\r\nline 2" : $"note {i}");
            inputs.Add(input);
            await import.AddAsync(SandboxHarness.Row(("手机号码", input.Item1), ("姓名", input.Item2), ("备注", input.Item3)), i, CancellationToken.None);
        }

        var result = await import.CompleteAsync(CancellationToken.None);

        ImportAssert.EveryRowOnce(result);
        Assert.True(result.Rejected > 10 && result.Failed > 0 && result.Unknown > 0, result.ToString());
        var bytes = File.ReadAllBytes(_path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var records = CsvText.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(new[] { "手机号码", "姓名", "备注", "Outcome", "Reason", "Code" }, records[0]);

        // What each row must come to, from the inputs and from what the vendor was sent: the faults struck the first two
        // import requests to arrive, so the rows of the first were refused and those of the second stored with the answer
        // lost; every other row sent was accepted and stays out of the file.
        var sent = h.Requests(h.Descriptor.ImportPath).Select(r => StringsIn(r.Body).ToHashSet()).ToList();
        var (refused, lost) = (sent[0], sent[1]);
        var expected = inputs.Select((input, i) => (Input: input, Outcome: input.Phone == "12345" || i == 150 ? "Rejected"
                : refused.Contains(input.Phone.Replace(" ", "")) ? "Failed"
                : lost.Contains(input.Phone.Replace(" ", "")) ? "Unknown"
                : null))
            .Where(row => row.Outcome is not null)
            .Select(row => string.Join("|", row.Input.Phone, row.Input.Name, row.Input.Note, row.Outcome, row.Outcome == "Failed" ? refusal : ""))
            .OrderBy(s => s, StringComparer.Ordinal);
        var written = records.Skip(1).ToList();
        Assert.Equal(expected, written.Select(f => string.Join("|", f[0], f[1], f[2], f[3], f[5])).OrderBy(s => s, StringComparer.Ordinal));
        // With -PassThru each row carries the file's code: the vendor's for a refused batch, none for the others.
        Assert.All(result.Rows, row => Assert.Equal(row.Outcome == ImportOutcome.Failed ? refusal : null, row.Code));
        foreach (var fields in written)
        {
            var (phone, outcome, reason) = (fields[0], fields[3], fields[4]);
            if (outcome == "Rejected" && phone == "12345") Assert.Contains("'12345'", reason);
            // A phone repeated within the import is rejected as Duplicate (docs/en-US/Import-OutboundCustomer.md).
            else if (outcome == "Rejected") Assert.Equal("Duplicate", reason);
            // The vendor's code and its own message are kept: the simulator refuses with the message 模拟错误.
            else if (outcome == "Failed") Assert.True(reason.Contains(refusal) && reason.Contains("模拟错误"), reason);
            else Assert.False(string.IsNullOrWhiteSpace(reason), $"row {fields[1]} is {outcome} without a reason");
        }

        Assert.Equal(result.Rejected + result.Failed + result.Unknown, import.NotAcceptedWritten);
    }

    /// <summary>Every string in a request body, wherever the vendor's shape puts it.</summary>
    private static IEnumerable<string> StringsIn(JsonNode? node) => node switch
    {
        JsonObject fields => fields.SelectMany(field => StringsIn(field.Value)),
        JsonArray items => items.SelectMany(StringsIn),
        JsonValue value when value.TryGetValue<string>(out var text) => new[] { text },
        _ => Array.Empty<string>(),
    };

    [Fact]
    public async Task ErrorLimit_WritesTheFirstErrors_ThenOneThatCountsTheRest_AndSaysWhereTheyAre()
    {
        await using var h = await SandboxHarness.ForVendorAsync("IFlytek");
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "limit", RobotId = h.RobotId, Lines = new[] { h.LineId } }, CancellationToken.None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions { ErrorLimit = 3, NotAcceptedPath = _path });
        for (var i = 0; i < 20; i++)
            await import.AddAsync(SandboxHarness.Row(("手机号码", i % 2 == 0 ? "12345" : $"1390000{i:0000}"), ("姓名", "n")), i, CancellationToken.None);
        var result = await import.CompleteAsync(CancellationToken.None);

        Assert.Equal(10, result.Rejected);
        var notices = import.Notices.ToArray();
        Assert.Equal(4, notices.Length);
        Assert.Equal(new object[] { 0, 2, 4 }, notices.Take(3).Select(n => n.Target));
        var summary = notices[3].Error;
        Assert.Equal("OutboundPS.ErrorLimit", summary.ErrorId);
        Assert.Contains("7 rows rejected", summary.Message);
        Assert.Contains(_path, summary.Message);
        Assert.Equal(11, File.ReadAllLines(_path).Length);
    }

    [Fact]
    public async Task StoppedImport_LeavesAClosedFile_WithTheRowsItNeverSent()
    {
        await using var h = await SandboxHarness.ForVendorAsync("IFlytek");
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "stop", RobotId = h.RobotId, Lines = new[] { h.LineId } }, CancellationToken.None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions { BatchSize = 10, ThrottleLimit = 1, NotAcceptedPath = _path });
        for (var i = 0; i < 25; i++)
            await import.AddAsync(SandboxHarness.Row(("手机号码", $"1390000{i:0000}"), ("姓名", "n")), i, CancellationToken.None);
        var result = await import.StopAsync("stopped by the test.");

        Assert.Equal(5, result.Rejected);
        // Closed: it opens for exclusive use.
        using (new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
        var lines = CsvText.Parse(File.ReadAllText(_path));
        Assert.Equal(6, lines.Count);
        Assert.All(lines.Skip(1), f => Assert.Equal(new[] { "Rejected", "Not sent: stopped by the test." }, f.Skip(2).Take(2)));
        Assert.Equal(Enumerable.Range(20, 5).Select(i => $"1390000{i:0000}"), lines.Skip(1).Select(f => f[0]));
    }

    [Fact]
    public void File_KeepsTheFirstRowsHeader_ReplacesOutcomeColumns_AndCountsRowsOfAnotherShape()
    {
        using (var csv = NotAcceptedCsv.Create(_path))
        {
            // A row re-imported from an earlier file: its old Outcome/Reason give way to the new ones.
            csv.Write(SandboxHarness.Row(("Phone", "1"), ("Outcome", "Failed"), ("Name", "a"), ("Reason", "old")), ImportOutcome.Rejected, "bad", null);
            csv.Write(SandboxHarness.Row(("name", "b"), ("Extra", "x")), ImportOutcome.Failed, "refused", "412");
            Assert.Equal((1L, "Extra"), csv.RowsWithOtherColumns);
        }

        Assert.Equal(new[]
        {
            "\"Phone\",\"Name\",\"Outcome\",\"Reason\",\"Code\"",
            "\"1\",\"a\",\"Rejected\",\"bad\",\"\"",
            "\"\",\"b\",\"Failed\",\"refused\",\"412\"",
        }, File.ReadAllLines(_path, Encoding.UTF8));
        Assert.EndsWith("\r\n", File.ReadAllText(_path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImportThatTookNoRow_ClosesItsEmptyFile_AndLeavesLastImportAsItWas()
    {
        await using var h = await SandboxHarness.ForVendorAsync("IFlytek");
        var import = new CustomerImport(h.Session, "7000001", new ImportOptions { NotAcceptedPath = _path });
        import.Abandon();

        using (var file = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            Assert.True(file.Length <= 3, "at most the byte-order mark");
        Assert.Null(h.Session.LastImport);
    }

    [Fact]
    public void APathThatCannotBeWritten_IsRefusedBeforeAnyRowIsTaken()
    {
        var error = Assert.Throws<OutboundException>(() => NotAcceptedCsv.Create(Path.Combine(_path, "no-such-folder", "x.csv")));
        Assert.Equal("OutboundPS.InvalidArgument.NotAcceptedPath", error.ErrorId);
    }
}
