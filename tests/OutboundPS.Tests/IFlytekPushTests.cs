using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OutboundPS.IFlytek;
using OutboundPS.Contract;
using OutboundPS.Push;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>yeta pushes (docs/vendors/iflytek.md#pushes), merged by call_uuid into one call record.</summary>
public sealed class IFlytekPushTests
{
    /// <summary>The documented outbound record (docs/vendors/iflytek.md#receivecallrecord), verbatim: it has task_row_index.</summary>
    internal const string DocumentedOutboundRecord = """
        {"business_id":"2745","robot_id":"2745001","call_uuid":"123425c-…","task_id":"0","task_data_id":"262381","caller":"055196866001","callee":"19900000001",
         "direction":2,"time_dial":1527737756729,"time_answer":1527737763429,"time_hangup":1527737784829,"duration_ring":7,"duration_call":28,
         "task_result":"0","task_result_desc":"成功","task_tries":0,"task_row_index":1,"task_row_head":["客户手机号码"],"task_row_value":["19900000001"]}
        """;

    /// <summary>The basic record of the same call, from the field table: no task_row_*, and its ids as numbers.</summary>
    private const string BasicRecord = """
        {"business_id":2745,"app_id":"88","robot_id":2745001,"call_uuid":"123425c-…","caller":"055196866001","callee":"19900000001",
         "direction":"2","time_answer":"1527737763429","time_hangup":1527737784829,"duration_ring":7,"duration_call":"28"}
        """;

    /// <summary>receiveVoice, from the field table (no example in the docs); the url is relative as in every example.</summary>
    private const string Voice = """
        {"business_id":"2745","app_id":"88","robot_id":"2745001","task_data_id":"262381","call_uuid":"123425c-…",
         "url":"ant/4/ivr/0/2018/05/31/0/123425c.wav","size":"448044","duration":28}
        """;

    /// <summary>receiveDialog, from the field table; seq as strings and out of order, as in the examples.</summary>
    private const string Dialog = """
        {"business_id":"2745","robot_id":"2745001","task_id":"0","task_data_id":"262381","call_uuid":"123425c-…","tag_max":"A","tag_min":"C",
         "time_begin":1527737763429,"time_end":1527737784829,
         "dialog":[
           {"seq":"2","role":"customer","node_id":"n1","node_name":"开场","node_type":"NormalNode","tag_name":"A","tag_desc":"有意向","text_man":"好的，你说","time_start":1527737767429,"hits":[{"hit":"肯定","pick":true,"answer_id":"a1"}]},
           {"seq":"1","role":"robot","node_id":"n1","node_name":"开场","node_type":"NormalNode","text_robot":"您好，这里是合肥…","time_start":1527737763429},
           {"seq":"3","role":"robot","node_id":"n2","node_type":"EndNode","text_robot":"再见","time_start":""}]}
        """;

    private static OutboundCallRecord Single(IEnumerable<string> bodies)
    {
        var batch = new PushBatch();
        var early = bodies.SelectMany(b => batch.Add(b)).ToList();
        return Assert.IsType<OutboundCallRecord>(Assert.Single(early.Concat(batch.Complete())));
    }

    [Fact]
    public void DocumentedOutboundRecord_Alone_MapsEveryFieldItCarries()
    {
        var record = Single(new[] { DocumentedOutboundRecord });
        Assert.Equal(IFlytekVendor.Id, record.Vendor);
        Assert.Equal("123425c-…", record.CallId);
        Assert.Equal("0", record.TaskId);
        Assert.Equal("262381", record.DataId);
        Assert.Equal("19900000001", record.Phone);
        Assert.Equal(CallOutcome.Answered, record.Outcome);
        Assert.Equal(0, record.VendorStatus);
        Assert.Equal("成功", record.VendorStatusText);
        Assert.Equal(TimeSpan.FromSeconds(28), record.Duration);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1527737756729), record.Dialled);
        Assert.Equal(new DateTimeOffset(2018, 5, 31, 11, 35, 56, 729, TimeSpan.FromHours(8)), record.Dialled);
        Assert.Equal(TimeSpan.FromHours(8), record.Answered!.Value.Offset);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1527737763429), record.Answered);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1527737784829), record.HungUp);
        Assert.Equal(0, record.Tries);
        Assert.Empty(record.Variables); // the only column is the phone
        Assert.Null(record.Transcript);
        Assert.Null(record.RecordingUri);
    }

    public static TheoryData<string[]> BothOrders => new()
    {
        new[] { DocumentedOutboundRecord, BasicRecord },
        new[] { BasicRecord, DocumentedOutboundRecord },
    };

    [Theory]
    [MemberData(nameof(BothOrders))]
    public void TheTwoRecordPushes_MergeByCallUuid_InEitherOrder(string[] bodies)
    {
        var record = Single(bodies);
        Assert.Equal("123425c-…", record.CallId);
        Assert.Equal("262381", record.DataId); // only the outbound record has it
        Assert.Equal("成功", record.VendorStatusText);
        Assert.Equal(CallOutcome.Answered, record.Outcome);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1527737763429), record.Answered);
    }

    [Fact]
    public void AllFourPushes_InAnyOrder_GiveOneRecord_AsSoonAsTheLastArrives()
    {
        string[] parts = { BasicRecord, Voice, DocumentedOutboundRecord, Dialog };
        foreach (var order in Permutations(parts))
        {
            var batch = new PushBatch();
            var written = order.Select(b => batch.Add(b)).ToList();
            // The basic record adds nothing to the outbound one, so the call is whole once the other three are in.
            var last = new[] { Voice, DocumentedOutboundRecord, Dialog }.Max(part => Array.IndexOf(order, part));
            Assert.All(written.Where((_, i) => i != last), w => Assert.Empty(w));
            var record = Assert.IsType<OutboundCallRecord>(Assert.Single(written[last]));
            Assert.Empty(batch.Complete());
            Assert.Equal(new Uri("http://voice.kxjlcc.com:9000/ant/4/ivr/0/2018/05/31/0/123425c.wav"), record.RecordingUri);
            Assert.Equal("A", record.Intent);
            Assert.Equal("A", record.IntentLabel);
            Assert.Equal("成功", record.VendorStatusText);
            Assert.Equal(3, record.Transcript!.Count);
        }
    }

    [Fact]
    public void VoiceAndDialog_Merge_WithTranscriptInSeqOrder_AndOffsetsFromTimeBegin()
    {
        var record = Single(new[] { Dialog, Voice });
        Assert.Equal("262381", record.DataId);
        Assert.Equal("0", record.TaskId);
        Assert.Equal(TimeSpan.FromSeconds(28), record.Duration); // the recording's, without a record push
        Assert.Equal(CallOutcome.Unknown, record.Outcome);
        var transcript = record.Transcript!;
        Assert.Equal(new[] { CallSpeaker.Robot, CallSpeaker.Customer, CallSpeaker.Robot }, transcript.Select(u => u.Speaker));
        Assert.Equal(new[] { "您好，这里是合肥…", "好的，你说", "再见" }, transcript.Select(u => u.Text));
        Assert.Equal(TimeSpan.Zero, transcript[0].Offset);
        Assert.Equal(TimeSpan.FromSeconds(4), transcript[1].Offset);
        Assert.Null(transcript[2].Offset); // time_start empty
        Assert.Equal("A", transcript[1].Intent);
        Assert.Equal(2, record.Rounds);
    }

    [Fact]
    public void RecordingUrl_Absolute_IsKept_AndRelative_UsesTheGivenBase()
    {
        var absolute = Voice.Replace("ant/4/ivr/0/2018/05/31/0/123425c.wav", "https://rec.example.cn/x/1.wav");
        Assert.Equal(new Uri("https://rec.example.cn/x/1.wav"), Single(new[] { absolute }).RecordingUri);
        var batch = new PushBatch(new Uri("https://voice.internal.example/base/"));
        batch.Add(Voice);
        var record = Assert.IsType<OutboundCallRecord>(Assert.Single(batch.Complete()));
        Assert.Equal(new Uri("https://voice.internal.example/base/ant/4/ivr/0/2018/05/31/0/123425c.wav"), record.RecordingUri);
    }

    public static TheoryData<string, CallOutcome> ResultCodes()
    {
        var data = new TheoryData<string, CallOutcome>
        {
            { "-1", CallOutcome.NoAnswer }, { "0", CallOutcome.Answered }, { "2", CallOutcome.Busy }, { "3", CallOutcome.Unreachable },
            { "4", CallOutcome.PoweredOff }, { "5", CallOutcome.Busy }, { "6", CallOutcome.Unreachable }, { "7", CallOutcome.Unreachable },
            { "8", CallOutcome.Rejected }, { "9", CallOutcome.Unreachable }, { "15", CallOutcome.Answered }, { "16", CallOutcome.Answered },
            { "18", CallOutcome.Answered }, { "19", CallOutcome.Answered }, { "20", CallOutcome.NoAnswer }, { "22", CallOutcome.NoAnswer },
            { "23", CallOutcome.Blocked }, { "25", CallOutcome.Unreachable }, { "26", CallOutcome.LineError }, { "27", CallOutcome.LineError },
            { "28", CallOutcome.LineError },
            // Codes the current table lacks stay raw.
            { "1", CallOutcome.Unknown }, { "21", CallOutcome.Unknown }, { "99", CallOutcome.Unknown },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(ResultCodes))]
    public void TaskResult_MapsAsTheTableSays_AndIsKeptRaw(string code, CallOutcome outcome)
    {
        var record = Single(new[] { DocumentedOutboundRecord.Replace("\"task_result\":\"0\"", $"\"task_result\":\"{code}\"") });
        Assert.Equal(outcome, record.Outcome);
        Assert.Equal(int.Parse(code), record.VendorStatus);
    }

    [Fact]
    public void RowHeadAndValues_AreTheVariables_WithoutThePhone_AndNameTheCustomer()
    {
        var body = DocumentedOutboundRecord
            .Replace("\"task_row_head\":[\"客户手机号码\"]", "\"task_row_head\":\"[\\\"客户手机号码\\\",\\\"姓名\\\",\\\"欠款金额\\\"]\"")
            .Replace("\"task_row_value\":[\"19900000001\"]", "\"task_row_value\":[\"19900000001\",\"张三\",1200]");
        var record = Single(new[] { body });
        Assert.Equal("张三", record.Name);
        Assert.Equal(new Dictionary<string, string> { ["姓名"] = "张三", ["欠款金额"] = "1200" }, record.Variables.OrderBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value));
    }

    [Fact]
    public void NotAnswered_HasNoAnswerTime()
    {
        var record = Single(new[] { DocumentedOutboundRecord.Replace("\"time_answer\":1527737763429", "\"time_answer\":0").Replace("\"task_result\":\"0\"", "\"task_result\":\"20\"") });
        Assert.Null(record.Answered);
        Assert.Equal(CallOutcome.NoAnswer, record.Outcome);
    }

    [Fact]
    public void InboundRecord_WithoutResultCode_IsAnsweredByItsAnswerTime_AndItsCustomerIsTheCaller()
    {
        const string inbound = """{"call_uuid":"in-1","caller":"13900001111","callee":"055196866001","direction":1,"call_relation_id":"crm-7","time_answer":1527737763429,"time_hangup":1527737784829,"duration_ring":1,"duration_call":21}""";
        var record = Single(new[] { inbound });
        Assert.Equal("13900001111", record.Phone);
        Assert.Equal(CallOutcome.Answered, record.Outcome);
        Assert.Null(record.VendorStatus);
    }

    [Fact]
    public void FailedPushLine_IsReadWithItsModule_AndAJsonElementToo()
    {
        var line = $$"""{"data":{{Voice}},"module":"receiveVoice","retryTimes":3,"timestamp":1527737790000}""";
        var batch = new PushBatch();
        Assert.Empty(batch.Add(line));
        using var document = JsonDocument.Parse(Dialog);
        Assert.Empty(batch.Add(document.RootElement, "receiveDialog"));
        var record = Assert.IsType<OutboundCallRecord>(Assert.Single(batch.Complete()));
        Assert.NotNull(record.RecordingUri);
        Assert.Equal(3, record.Transcript!.Count);
    }

    [Fact]
    public void ModuleHint_DecidesTheKind_AndAnUnknownModuleIsRefused()
    {
        Assert.Equal(PushKind.IFlytekCallRecord, PushConverter.Read(Voice, "receiveCallRecord").Kind);
        var error = Assert.Throws<OutboundException>(() => PushConverter.Read(Voice, "getDialogContext"));
        Assert.Equal("OutboundPS.InvalidPush", error.ErrorId);
        Assert.Contains("getDialogContext", error.Message);
    }

    [Fact]
    public void PendingCalls_AreBounded_OldestWrittenFirst()
    {
        var batch = new PushBatch(maxPendingCalls: 2);
        Assert.Empty(batch.Add(Voice.Replace("123425c-…", "c1")));
        Assert.Empty(batch.Add(Voice.Replace("123425c-…", "c2")));
        var evicted = Assert.IsType<OutboundCallRecord>(Assert.Single(batch.Add(Voice.Replace("123425c-…", "c3"))));
        Assert.Equal("c1", evicted.CallId);
        Assert.Equal(2, batch.PendingCalls);
        Assert.Equal(new[] { "c2", "c3" }, batch.Complete().Cast<OutboundCallRecord>().Select(r => r.CallId));
    }

    [Fact]
    public void APartRedeliveredAfterItsCallWasWritten_IsDropped()
    {
        var batch = new PushBatch();
        foreach (var body in new[] { DocumentedOutboundRecord, Voice }) batch.Add(body);
        Assert.Single(batch.Add(Dialog));
        Assert.Empty(batch.Add(BasicRecord));
        Assert.Empty(batch.Add(Voice));
        Assert.Empty(batch.Complete());
    }

    [Fact]
    public void ByRobotCallbacks_GoOutAtOnce_BetweenYetaParts()
    {
        var batch = new PushBatch();
        Assert.Empty(batch.Add(Voice));
        Assert.IsType<OutboundCallRecord>(Assert.Single(batch.Add(ByRobotPushTests.DocumentedCallRecord)));
        Assert.Single(batch.Complete());
    }

    private static IEnumerable<string[]> Permutations(string[] items) =>
        items.Length <= 1
            ? new[] { items }
            : items.SelectMany((item, i) => Permutations(items.Where((_, j) => j != i).ToArray()).Select(rest => rest.Prepend(item).ToArray()));
}
