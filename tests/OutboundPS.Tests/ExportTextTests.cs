using System;
using System.Collections;
using System.Collections.Generic;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// Export-Csv writes each property's ToString(): the collections on output objects must read as their items, and
/// still be lists and dictionaries to PowerShell (which indexes an IList and an IDictionary).
/// </summary>
public sealed class ExportTextTests
{
    private static readonly OutboundVendor ByRobot = new("ByRobot");
    private static readonly OutboundVendor IFlytek = new("IFlytek");

    private static OutboundSession Session() =>
        new("export", ByRobot, new Uri("https://example.invalid/"), "key", "1", isSandbox: true);

    [Fact]
    public void TaskWindowsAndLines_ReadAsJoinedText_AndStayLists()
    {
        var task = new OutboundTask(Session(), "42")
        {
            Lines = new[] { "101", "102" },
            WorkingHours = new[] { TimeRange.TryParse("09:00-12:00")!, TimeRange.TryParse("13:30-18:00")! },
            BreakHours = new List<TimeRange> { TimeRange.TryParse("12:00-13:30")! },
        };
        Assert.Equal("101; 102", task.Lines.ToString());
        Assert.Equal("09:00-12:00; 13:30-18:00", task.WorkingHours.ToString());
        Assert.Equal("12:00-13:30", task.BreakHours.ToString());
        Assert.IsAssignableFrom<IList>(task.Lines);
        Assert.Equal("102", task.Lines[1]);
        Assert.Equal(2, task.Lines.Count);
    }

    [Fact]
    public void EmptyCollections_ReadAsEmptyText()
    {
        var task = new OutboundTask(Session(), "42");
        Assert.Equal(string.Empty, task.Lines.ToString());
        Assert.Equal(string.Empty, task.WorkingHours.ToString());
        Assert.Equal(string.Empty, new OutboundCallRecord(IFlytek).Variables.ToString());
        Assert.Equal("0 rows", new OutboundImportResult(IFlytek, "t").Rows.ToString());
    }

    [Fact]
    public void Variables_ReadAsNameValuePairsInTheVendorsOrder_AndStayADictionary()
    {
        var record = new OutboundCallRecord(ByRobot)
        {
            Variables = new Dictionary<string, string> { ["金额"] = "500", ["姓名"] = "张三" },
            Tags = new[] { "有意向", "回访" },
        };
        Assert.Equal("金额=500; 姓名=张三", record.Variables.ToString());
        Assert.Equal("有意向; 回访", record.Tags.ToString());
        Assert.IsAssignableFrom<IDictionary>(record.Variables);
        Assert.Equal("500", record.Variables["金额"]);
    }

    [Fact]
    public void Transcript_ReadsAsOneLinePerTurn()
    {
        var record = new OutboundCallRecord(IFlytek)
        {
            Transcript = new[] { new CallUtterance(CallSpeaker.Robot, "您好；请问是张先生吗？"), new CallUtterance(CallSpeaker.Customer, "是的") },
        };
        Assert.Equal("Robot: 您好；请问是张先生吗？\nCustomer: 是的", record.Transcript!.ToString());
        Assert.Null(new OutboundCallRecord(IFlytek).Transcript);
    }

    [Fact]
    public void RobotRecordingsAndVariables_ReadAsJoinedText()
    {
        var robot = new OutboundRobot(ByRobot, "7")
        {
            Recordings = new Dictionary<string, string> { ["r1"] = "开场白", ["r2"] = "结束语" },
            Variables = new[] { "金额", "姓名" },
        };
        Assert.Equal("r1=开场白; r2=结束语", robot.Recordings.ToString());
        Assert.Equal("金额; 姓名", robot.Variables!.ToString());
    }

    [Fact]
    public void ImportRows_ReadAsACountPerOutcome_AndShowRowsAddedBeforeTheImportFinished()
    {
        var rows = new List<OutboundImportRow>
        {
            new(1, null) { Outcome = ImportOutcome.Accepted },
            new(2, null) { Outcome = ImportOutcome.Rejected },
        };
        var result = new OutboundImportResult(IFlytek, "t");
        result.KeepRows(rows);
        rows.Add(new OutboundImportRow(3, null) { Outcome = ImportOutcome.Accepted });
        Assert.Equal("3 rows: 2 Accepted, 1 Rejected", result.Rows.ToString());
        Assert.Equal(3, result.Rows[2].RowNumber);
    }
}
