using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Sessions;
using OutboundPS.Import;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

public sealed class VendorCapabilityTests
{
    [Fact]
    public async Task IFlytek_StopAndUpdate_AreNotImplemented_NamingTheAlternatives_AndSendNothing()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: false);
        var before = h.Simulator.Received.Count;

        var stop = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.StopTaskAsync("7000001", CancellationToken.None));
        Assert.Equal(OutboundErrorKind.NotImplemented, stop.Kind);
        Assert.Equal("OutboundPS.IFlytek.NotImplemented", stop.ErrorId);
        Assert.Contains("Suspend-OutboundTask", stop.Message);
        Assert.Contains("Remove-OutboundTask", stop.Message);

        var update = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.UpdateTaskAsync(new TaskUpdateSpec("7000001"), CancellationToken.None));
        Assert.Equal(OutboundErrorKind.NotImplemented, update.Kind);
        Assert.Contains("IFlytek", update.Message);
        Assert.Equal(before, h.Simulator.Received.Count);
    }

    [Theory]
    [InlineData("Concurrency")]
    [InlineData("SceneId")]
    [InlineData("SceneRecordId")]
    [InlineData("CallType")]
    [InlineData("SendSms")]
    [InlineData("Remark")]
    public async Task IFlytek_RefusesByRobotOnlyTaskParameters_BeforeSending(string parameter)
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: false);
        var spec = new NewTaskSpec { Name = "t", RobotId = "720", Lines = new[] { "055169101401" } };
        switch (parameter)
        {
            case "Concurrency": spec.Concurrency = 2; break;
            case "SceneId": spec.SceneId = "1"; break;
            case "SceneRecordId": spec.SceneRecordId = "1"; break;
            case "CallType": spec.CallType = 1; break;
            case "SendSms": spec.SendSms = true; break;
            default: spec.Remark = "r"; break;
        }

        var error = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.CreateTaskAsync(spec, CancellationToken.None));
        Assert.Equal(OutboundErrorKind.InvalidArgument, error.Kind);
        Assert.Contains($"-{parameter}", error.Message);
        Assert.Empty(h.Requests("/task/create"));
    }

    [Fact]
    public async Task IFlytek_AcceptsManual_SinceEveryYetaTaskStartsByHand_AndSendsNoTaskType()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: false);
        var spec = new NewTaskSpec { Name = "t", RobotId = "720", Lines = new[] { "055169101401" }, Manual = true };
        var task = await h.Session.Client.CreateTaskAsync(spec, CancellationToken.None);
        Assert.Equal(OutboundTaskStatus.New, task.Status);
        Assert.False(h.Requests("/task/create").Single().Body!.AsObject().ContainsKey("task_type"));
    }

    [Theory]
    [InlineData(new[] { "25:00-26:00" }, "not a daily time window")]
    [InlineData(new[] { "12:00-09:00" }, "not a daily time window")]
    [InlineData(new[] { "09:00-12:00", "11:00-13:00" }, "overlaps")]
    public void WorkingHours_AreCheckedLocally_WithTheFieldValueAndFix(string[] windows, string problem)
    {
        var error = Assert.Throws<OutboundException>(() => TaskInput.ParseWindows("WorkingHours", windows));
        Assert.Contains("-WorkingHours", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Contains($"'{windows[^1]}'", error.Message);
        Assert.False(string.IsNullOrEmpty(error.RecommendedAction));
    }

    [Theory]
    [InlineData("customers.zh-CN.csv", "手机号码", "客户姓名", "IFlytek", "719")]
    [InlineData("customers.zh-CN.csv", "手机号码", "客户姓名", "ByRobot", "5001")]
    [InlineData("customers.en-US.csv", "Mobile", "CustomerName", "IFlytek", "720")]
    [InlineData("customers.en-US.csv", "Mobile", "CustomerName", "ByRobot", "5002")]
    public async Task SampleCsv_BindsToColumnDetection_AndImportsIntoTheSandbox(string file, string phone, string name, string vendor, string robot)
    {
        var path = Path.Combine(ModuleMetadata.Root, "docs", "examples", file);
        var bytes = File.ReadAllBytes(path);
        // Non-ASCII headers need a BOM, so that Windows PowerShell 5.1's Import-Csv reads them as UTF-8.
        if (bytes.Any(b => b > 0x7F)) Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var headers = lines[0].Split(',');
        var columns = CustomerColumnDetector.Detect(headers, null, null, null);
        Assert.Equal((phone, name), (columns.PhoneColumn, columns.NameColumn));

        await using var connection = await SandboxHarness.ForVendorAsync(vendor);
        var task = await connection.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "csv", RobotId = robot, Lines = new[] { connection.LineId } }, CancellationToken.None);
        var import = new CustomerImport(connection.Session, task.Id, new ImportOptions());
        foreach (var row in lines.Skip(1))
            await import.AddAsync(new DictionaryInputRow(headers.Zip(row.Split(','), (k, v) => new System.Collections.Generic.KeyValuePair<string, string?>(k, v))), row, CancellationToken.None);
        var result = await import.CompleteAsync(CancellationToken.None);
        Assert.Equal(lines.Length - 1, result.Accepted);
    }
}
