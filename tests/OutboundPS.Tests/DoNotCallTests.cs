using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Import;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>-ExcludePhone and -ExcludePhonePath: the list as read, matched however a number is written, and what an import and a call leave out.</summary>
public sealed class DoNotCallTests : IDisposable
{
    private readonly List<string> _files = new();

    public void Dispose()
    {
        foreach (var file in _files) File.Delete(file);
    }

    [Theory]
    // The written forms the spec's phone rules read (+86, 0086, 86 before a mobile, separators, full-width digits),
    // each listed and each matched against the plain national number, and the other way round.
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("１３８ ００１３ ８０００", "13800138000")]
    [InlineData("(138) 0013.8000", "13800138000")]
    [InlineData("+86 10 6552 9988", "010-65529988")]
    [InlineData("13800138000", "+86 138 0013 8000")]
    [InlineData("010-65529988", "0086 010 6552 9988")]
    // A country code without + or 00 before a landline, and a 0 dialled before a mobile: no row reads that way, so the
    // entry is taken in the form the row has.
    [InlineData("86 10 6552 9988", "010-65529988")]
    [InlineData("86 755 2345 6789", "0755-23456789")]
    [InlineData("013800138000", "13800138000")]
    public void ListedNumber_MatchesTheSameNumberWrittenAnotherWay(string listed, string given)
    {
        var list = DoNotCallList.Load(new[] { listed }, null)!;

        Assert.True(list.Contains(given));
        Assert.False(list.Contains("13800138001"));
        Assert.False(list.Contains("010-65529989"));
    }

    [Fact]
    public void NumberInARangeNoOneDials_IsStillListedAndMatched()
    {
        // 140… is a data-only range the import refuses; the list keeps it, so no later rule can let it through.
        var list = DoNotCallList.Load(new[] { "+86 140 1234 5678" }, null)!;

        Assert.True(list.Contains("14012345678"));
    }

    [Fact]
    public void ANumberWithAnotherCountryCode_IsLeftOutAndCounted_NotARefusalOfTheWholeList()
    {
        // OutboundPS never dials outside mainland China, so no row can match it; the rest of the list still holds.
        var list = DoNotCallList.Load(new[] { "+1 212 555 0100", "13800138000", "0044 20 7946 0000" }, null)!;

        Assert.Equal((1L, 2L), (list.Count, list.Foreign));
        Assert.True(list.Contains("13800138000"));
    }

    [Fact]
    public void NoListGiven_IsNoList()
    {
        Assert.Null(DoNotCallList.Load(null, null));
        Assert.Null(DoNotCallList.Load(Array.Empty<string>(), Array.Empty<string>()));
    }

    [Fact]
    public void UnreadableExcludePhone_EndsTheLoadNamingTheParameterTheValueAndItsPlace()
    {
        var error = Assert.Throws<OutboundException>(() => DoNotCallList.Load(new[] { "13800138000", "1380013800x" }, null));

        Assert.Equal("OutboundPS.InvalidArgument.ExcludePhone", error.ErrorId);
        Assert.StartsWith("-ExcludePhone '1380013800x': (number 2 of the list) contains 'x'", error.Message);
        Assert.Contains("nothing was", error.Message);
    }

    [Fact]
    public void TextFile_OneNumberALine_BlankLinesSkipped_AndABadLineNamedByFileAndLine()
    {
        var good = Write(".txt", "13800138000\r\n\r\n  +86 139-0013-9000  \n\n0551-65123456\n");
        var list = DoNotCallList.Load(null, new[] { good })!;
        Assert.Equal(3, list.Count);
        Assert.True(list.Contains("13900139000"));
        Assert.True(list.Contains("+86 551 6512 3456"));

        var bad = Write(".txt", "13800138000\n\nphone 13900139000\n");
        var error = Assert.Throws<OutboundException>(() => DoNotCallList.Load(null, new[] { good, bad }));
        Assert.Equal("OutboundPS.InvalidArgument.ExcludePhonePath", error.ErrorId);
        Assert.StartsWith($"-ExcludePhonePath '{bad}', line 3 'phone 13900139000': contains 'p'", error.Message);
    }

    [Fact]
    public void TooLongOrBareCountryCode_IsRefusedRatherThanDropped()
    {
        var tooLong = Assert.Throws<OutboundException>(() => DoNotCallList.Load(new[] { "+86 1380013800012345" }, null));
        Assert.Contains("more than any mainland number", tooLong.Message);
        var bare = Assert.Throws<OutboundException>(() => DoNotCallList.Load(new[] { "+86" }, null));
        Assert.Contains("no digits after its country code", bare.Message);
        var blank = Assert.Throws<OutboundException>(() => DoNotCallList.Load(new[] { "13800138000", " " }, null));
        Assert.StartsWith("-ExcludePhone ' ': (number 2 of the list) is empty.", blank.Message);
    }

    [Fact]
    public void CsvFile_PhoneColumnFoundByTheImportsNames_QuotedFieldsAndLineBreaksRead()
    {
        // 手机号码 is one of the import's phone column names; the note holds a comma, a doubled quote and a line break.
        var csv = Write(".csv", "\uFEFF姓名,备注,手机号码\r\n张三,\"a, \"\"b\"\"\r\nc\",+86 138 0013 8000\r\n李四,,\"13900139000\"\r\n\r\n");
        var list = DoNotCallList.Load(null, new[] { csv })!;

        Assert.Equal(2, list.Count);
        Assert.True(list.Contains("13800138000"));
        Assert.True(list.Contains("13900139000"));
        Assert.False(list.Contains("张三"));
    }

    [Fact]
    public void CsvFile_BadCellNamedByTheLineItsRecordStartsOn_AndAnEmptyCellIsNoExemption()
    {
        var csv = Write(".csv", "Name,Note,Phone\n张三,\"two\nlines\",13800138000\n李四,x,1390013900O\n");
        var error = Assert.Throws<OutboundException>(() => DoNotCallList.Load(null, new[] { csv }));
        Assert.StartsWith($"-ExcludePhonePath '{csv}', line 4 '1390013900O': contains 'O'", error.Message);

        var empty = Write(".csv", "Phone,Name\n13800138000,a\n,b\n");
        var blank = Assert.Throws<OutboundException>(() => DoNotCallList.Load(null, new[] { empty }));
        Assert.StartsWith($"-ExcludePhonePath '{empty}', line 3 '': is empty.", blank.Message);
    }

    [Fact]
    public void CsvFile_WithoutAPhoneColumn_SaysWhatWasLookedFor()
    {
        var csv = Write(".csv", "Number,Name\n13800138000,a\n");
        var error = Assert.Throws<OutboundException>(() => DoNotCallList.Load(null, new[] { csv }));

        Assert.Equal("OutboundPS.InvalidArgument.ExcludePhonePath", error.ErrorId);
        Assert.Contains("has no phone column", error.Message);
        Assert.Contains("手机号码", error.Message);
        Assert.Contains("Number, Name", error.Message);
    }

    [Fact]
    public void MissingFile_IsAnErrorNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"outboundps-dnc-missing-{Guid.NewGuid():N}.txt");
        var error = Assert.Throws<OutboundException>(() => DoNotCallList.Load(null, new[] { missing }));

        Assert.Equal("OutboundPS.InvalidArgument.ExcludePhonePath", error.ErrorId);
        Assert.StartsWith($"-ExcludePhonePath '{missing}': cannot be read", error.Message);
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Vendors), MemberType = typeof(SandboxHarness))]
    public async Task Import_ListedRowsRejectedAsDoNotCall_InTheNotAcceptedFile_AndNeverSent(string vendor)
    {
        await using var h = await SandboxHarness.ForVendorAsync(vendor);
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "dnc", RobotId = h.RobotId, Lines = new[] { h.LineId } }, CancellationToken.None);
        var notAccepted = Write(".csv", string.Empty);
        var list = DoNotCallList.Load(new[] { "+86 138-0000-0003", "13800000007" }, null);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions
        {
            KeepRows = true, VariableProperty = Array.Empty<string>(), NotAcceptedPath = notAccepted, DoNotCall = list,
        });
        // Rows 4 and 8 are listed (written otherwise than on the list); row 8's name is blank too, which the list outranks.
        for (var i = 1; i <= 10; i++)
        {
            var phone = i == 8 ? "0086 138 0000 0007" : $"1380000000{i - 1}";
            await import.AddAsync(SandboxHarness.Row(("Phone", phone), ("Name", i == 8 ? "" : $"客户{i}")), null, CancellationToken.None);
        }

        var result = await import.CompleteAsync(CancellationToken.None);

        Assert.Equal((10, 8, 2), (result.Submitted, result.Accepted, result.Rejected));
        Assert.Empty(import.Notices);
        var rejected = result.Rows.Where(r => r.Outcome == ImportOutcome.Rejected).ToList();
        Assert.Equal(new long[] { 4, 8 }, rejected.Select(r => r.RowNumber));
        Assert.All(rejected, r => Assert.Equal("DoNotCall", r.Code));
        Assert.All(rejected, r => Assert.StartsWith("DoNotCall: the number is on the do-not-call list", r.Error));
        var lines = File.ReadAllLines(notAccepted, Encoding.UTF8);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("\"13800000003\",\"客户4\",\"Rejected\",\"DoNotCall: ", lines[1]);
        Assert.EndsWith("\",\"DoNotCall\"", lines[1]);
        Assert.StartsWith("\"0086 138 0000 0007\",\"\",\"Rejected\",\"DoNotCall: ", lines[2]);
        var sent = string.Join("\n", h.Requests(h.Descriptor.ImportPath).Select(r => Encoding.UTF8.GetString(r.Request.Body)));
        Assert.Contains("13800000002", sent);
        Assert.DoesNotContain("13800000003", sent);
        Assert.DoesNotContain("13800000007", sent);
    }

    [Fact]
    public void SingleCall_ListedNumberIsLeftOutOfTheRequest_AndAnsweredNotAcceptedWithTheCode()
    {
        var rows = new CallRows();
        foreach (var phone in new[] { "13800000001", "+86 138 0000 0002", "12345" }) rows.Add(phone, "张三", null);
        var list = DoNotCallList.Load(new[] { "13800000002" }, null);
        var excluded = new List<OutboundCallResult>();
        var refused = new List<OutboundException>();

        var spec = rows.Read("5001", null, null, new CustomerRules { VendorName = "BYRobot", AcceptsLandlines = true }, (e, _) => refused.Add(e), list,
            (phone, name) => excluded.Add(DoNotCallList.NotCalled(new OutboundVendor("ByRobot"), phone, name)));

        Assert.Equal(new[] { "13800000001" }, spec.Customers.Select(c => c.Phone));
        var notCalled = Assert.Single(excluded);
        Assert.Equal(("13800000002", "张三", false, "DoNotCall"), (notCalled.Phone, notCalled.Name, notCalled.Accepted, notCalled.Code));
        Assert.Equal("not called: on the do-not-call list", notCalled.Message);
        Assert.Equal("OutboundPS.InvalidArgument.Phone", Assert.Single(refused).ErrorId);
    }

    private string Write(string extension, string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"outboundps-dnc-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        _files.Add(path);
        return path;
    }
}
