using System;
using System.Linq;
using OutboundPS.ByRobot;
using OutboundPS.Contract;
using OutboundPS.Push;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>BYRobot callbacks (docs/vendors/byrobot.md#callbacks) read into call records and tasks.</summary>
public sealed class ByRobotPushTests
{
    /// <summary>The documented callback (docs/vendors/byrobot.md#call_instance_result), verbatim (its "…" are abbreviations inside strings, and "{…}" is unreadable properties).</summary>
    internal const string DocumentedCallRecord = """
        {"code":200,"data":{"dataType":"CALL_INSTANCE_RESULT","data":{
          "sceneInstance":{"callInstanceId":1,"companyId":1,"callJobId":1,"customerId":1,"customerTelephone":"137xxxxxxxx","status":2,"finishStatus":0,
                           "duration":35,"chatRound":3,"startTime":"2019-01-12 16:09:32","luyinOssUrl":"https://…wav","properties":"{…}","callType":1,"hangUp":1},
          "taskResult":[{"resultName":"客户意向等级","resultValue":"C级(很少)","resultValueAlias":"C","resultValueNew":"C级(明确拒绝)"}],
          "phoneLog":{"phoneLogs":[{"speaker":"AI","content":"喂，您好…","aiUnknown":false,"startTime":0,"endTime":0}],"luyinOssUrl":"https://…wav"},
          "jobFinished":false,"sign":null,"dateTime":"Thu Oct 16 07:13:48 GMT 2014"}},"resultMsg":"成功","errorStackTrace":null}
        """;

    private static OutboundCallRecord Record(string body)
    {
        var message = PushConverter.Read(body);
        Assert.Equal(ByRobotVendor.Id, message.Vendor);
        return Assert.IsType<OutboundCallRecord>(message.Output);
    }

    private static string CallWith(string sceneInstanceFields, string extra = "") => $$$"""
        {"code":200,"data":{"dataType":"CALL_INSTANCE_RESULT","data":{"sceneInstance":{"callInstanceId":9001,"callJobId":77,{{{sceneInstanceFields}}}}{{{extra}}},"sign":"SIGN-SECRET-0001"}},"resultMsg":"成功","errorStackTrace":null}
        """;

    [Fact]
    public void DocumentedCallRecord_MapsEveryFieldItCarries()
    {
        var message = PushConverter.Read(DocumentedCallRecord);
        Assert.Equal(PushKind.ByRobotCallRecord, message.Kind);
        var record = Assert.IsType<OutboundCallRecord>(message.Output);
        Assert.Equal(ByRobotVendor.Id, record.Vendor);
        Assert.Equal("1", record.CallId);
        Assert.Equal("1", record.TaskId);
        Assert.Equal("1", record.DataId);
        Assert.Equal("137xxxxxxxx", record.Phone);
        Assert.Null(record.Name);
        Assert.Equal(CallOutcome.Answered, record.Outcome);
        Assert.Equal(0, record.VendorStatus);
        Assert.Equal("C", record.Intent);
        Assert.Equal("C级(明确拒绝)", record.IntentLabel);
        Assert.Empty(record.Tags);
        Assert.Equal(TimeSpan.FromSeconds(35), record.Duration);
        Assert.Equal(3, record.Rounds);
        Assert.Equal(new DateTimeOffset(2019, 1, 12, 16, 9, 32, TimeSpan.FromHours(8)), record.Dialled);
        Assert.Equal(TimeSpan.FromHours(8), record.Dialled!.Value.Offset);
        Assert.Null(record.Answered);
        Assert.Null(record.HungUp);
        Assert.Empty(record.Variables); // "{…}" is not JSON: no variables, and no error
        var utterance = Assert.Single(record.Transcript!);
        Assert.Equal(CallSpeaker.Robot, utterance.Speaker);
        Assert.Equal("喂，您好…", utterance.Text);
        Assert.Equal(TimeSpan.Zero, utterance.Offset);
    }

    public static TheoryData<int, CallOutcome> FinishStatuses => new()
    {
        { 0, CallOutcome.Answered }, { 1, CallOutcome.Rejected }, { 2, CallOutcome.Unreachable }, { 3, CallOutcome.LineError },
        { 4, CallOutcome.Unreachable }, { 5, CallOutcome.PoweredOff }, { 6, CallOutcome.Busy }, { 7, CallOutcome.Unreachable },
        { 8, CallOutcome.NoAnswer }, { 9, CallOutcome.LineError }, { 10, CallOutcome.LineError }, { 11, CallOutcome.Blocked },
        { 22, CallOutcome.LineError },
        // Codes the table does not have stay raw.
        { 12, CallOutcome.Unknown }, { 99, CallOutcome.Unknown }, { -1, CallOutcome.Unknown },
    };

    [Theory]
    [MemberData(nameof(FinishStatuses))]
    public void FinishStatus_MapsAsTheTableSays_AndIsKeptRaw(int finishStatus, CallOutcome outcome)
    {
        var record = Record(CallWith($"\"finishStatus\":{finishStatus}"));
        Assert.Equal(outcome, record.Outcome);
        Assert.Equal(finishStatus, record.VendorStatus);
    }

    [Fact]
    public void NumbersAsStrings_DurationInSeconds_AndJsonProperties_AreRead()
    {
        var record = Record(CallWith(
            "\"finishStatus\":\"6\",\"duration\":\"27秒\",\"chatRound\":\"4\",\"secondaryCallTimes\":\"2\",\"customerName\":\"张三\"," +
            "\"startTime\":\"2019-01-24 20:51:53\",\"endTime\":\"2019-01-24 20:52:20\",\"properties\":\"{\\\"user_id\\\":\\\"33542\\\",\\\"城市\\\":\\\"合肥\\\"}\""));
        Assert.Equal(CallOutcome.Busy, record.Outcome);
        Assert.Equal(6, record.VendorStatus);
        Assert.Equal(TimeSpan.FromSeconds(27), record.Duration);
        Assert.Equal(4, record.Rounds);
        Assert.Equal(2, record.Tries);
        Assert.Equal("张三", record.Name);
        Assert.Equal(new DateTimeOffset(2019, 1, 24, 20, 52, 20, TimeSpan.FromHours(8)), record.HungUp);
        Assert.Equal("33542", record.Variables["user_id"]);
        Assert.Equal("合肥", record.Variables["城市"]);
    }

    [Fact]
    public void PropertiesMap_WinsOverPropertiesText()
    {
        var record = Record(CallWith("\"finishStatus\":0,\"properties\":\"{\\\"a\\\":\\\"text\\\"}\",\"propertiesMap\":{\"a\":\"map\",\"n\":5}"));
        Assert.Equal("map", record.Variables["a"]);
        Assert.Equal("5", record.Variables["n"]);
    }

    [Fact]
    public void TagsIntentAndTranscript_ComeFromTaskResultAndPhoneLogs()
    {
        var record = Record(CallWith("\"finishStatus\":0,\"luyinOssUrl\":\"https://oss.example.cn/a.wav\"",
            """
            ,"taskResult":[
               {"resultName":"客户标签","resultValue":"[1,2]","resultLabels":[{"key":1,"value":"有车"},{"key":2,"value":"已婚"}]},
               {"resultName":"客户意向等级","resultValue":"A级(较强)"}],
             "phoneLog":{"phoneLogs":[
               {"speaker":"AI","content":"您好","startTime":300,"endTime":1145},
               {"speaker":"ME","content":"嗯，说吧","userMean":"肯定","startTime":"2100","aiUnknown":0},
               {"speaker":"SYSTEM","content":"(not a speaker OutboundPS knows)"}]}
            """));
        Assert.Equal(new[] { "有车", "已婚" }, record.Tags);
        Assert.Equal("A", record.Intent); // no alias: the letter the wording starts with
        Assert.Equal("A级(较强)", record.IntentLabel);
        Assert.Equal(new Uri("https://oss.example.cn/a.wav"), record.RecordingUri);
        Assert.Equal(new[] { CallSpeaker.Robot, CallSpeaker.Customer }, record.Transcript!.Select(u => u.Speaker));
        Assert.Equal(TimeSpan.FromMilliseconds(2100), record.Transcript![1].Offset);
        Assert.Equal("肯定", record.Transcript![1].Intent);
    }

    [Fact]
    public void ManualIntentChange_IsARecordOfTheCallIdAndTheLetter()
    {
        const string body = """
            {"code":200,"data":{"dataType":"CALL_INSTANCE_RESULT","data":{"taskResult":[{"companyId":12,"sceneInstanceId":"4411","resultName":"客户意向等级","resultValue":"B"}],"sign":"SIGN-SECRET-0002","dateTime":"Thu, 24 Jan 2019 07:28:09 GMT"}},"resultMsg":"成功","errorStackTrace":null}
            """;
        var message = PushConverter.Read(body);
        Assert.Equal(PushKind.ByRobotIntentChange, message.Kind);
        var record = Assert.IsType<OutboundCallRecord>(message.Output);
        Assert.Equal("4411", record.CallId);
        Assert.Equal("B", record.Intent);
        Assert.Equal(CallOutcome.Unknown, record.Outcome);
        Assert.Null(record.VendorStatus);
        Assert.Null(record.Phone);
    }

    [Fact]
    public void InboundCall_TakesItsIdFromInboundInstanceId()
    {
        const string body = """
            {"code":200,"data":{"dataType":"INBOUND_CALL_INSTANCE_RESULT","data":{
              "sceneInstance":{"inboundInstanceId":5566,"companyId":3,"customerTelephone":"13900001111","calleePhone":"057188880000","finishStatus":0,"duration":12,
                               "transferStatus":1,"propertiesMap":{"来源":"官网"},"startTime":"2019-01-24 07:27:40","endTime":"2019-01-24 07:27:52"},
              "taskResult":[{"sceneInstanceId":5566,"resultName":"客户意向等级","resultValue":"B级(一般)","resultValueAlias":"B","artificialChanged":true,"artificialResultValue":"A级(有明确意向)"}],
              "phoneLog":{"phoneLogs":[],"luyinOssUrl":"https://oss.example.cn/in.wav"},"dateTime":"Thu, 24 Jan 2019 07:28:09 GMT"}},"resultMsg":"成功"}
            """;
        var message = PushConverter.Read(body);
        Assert.Equal(PushKind.ByRobotInboundCallRecord, message.Kind);
        var record = Assert.IsType<OutboundCallRecord>(message.Output);
        Assert.Equal("5566", record.CallId);
        Assert.Equal("13900001111", record.Phone);
        Assert.Equal("官网", record.Variables["来源"]);
        Assert.Equal(new Uri("https://oss.example.cn/in.wav"), record.RecordingUri);
        Assert.Equal("A", record.Intent); // the manual correction wins
        Assert.Equal("A级(有明确意向)", record.IntentLabel);
        Assert.Empty(record.Transcript!);
    }

    [Fact]
    public void TaskStatus_IsAnOutboundTaskInADetachedSession()
    {
        const string body = """
            {"code":200,"data":{"dataType":"JOB_INFO_RESULT","data":{"callJobId":13487,"companyId":21,"jobName":"六月回访","jobType":2,
              "startDate":"2019-06-01","endDate":"2019-06-30","workingStartTime":"09:00:00","workingEndTime":"18:00:00",
              "breakStartTime":"12:00:00","breakEndTime":"13:30:00","status":"4","callType":1,"robotDefId":720,"sceneDefId":1,"sceneRecordId":2,
              "remark":null,"smsType":0,"smsCondition":"[]","userId":5,"userName":"ops"}},"resultMsg":"成功","errorStackTrace":null}
            """;
        var message = PushConverter.Read(body);
        Assert.Equal(PushKind.ByRobotTaskStatus, message.Kind);
        var task = Assert.IsType<OutboundTask>(message.Output);
        Assert.Equal("13487", task.Id);
        Assert.Equal("六月回访", task.Name);
        Assert.Equal(OutboundTaskStatus.Paused, task.Status);
        Assert.Equal(4, task.VendorStatus);
        Assert.Equal("720", task.RobotId);
        Assert.Equal(new DateTimeOffset(2019, 6, 1, 0, 0, 0, TimeSpan.FromHours(8)), task.StartTime);
        Assert.Equal(new DateTimeOffset(2019, 6, 30, 0, 0, 0, TimeSpan.FromHours(8)), task.EndTime);
        Assert.Equal(new[] { "09:00-12:00", "13:30-18:00" }, task.WorkingHours.Select(r => r.ToString()));
        Assert.Equal(ByRobotVendor.Id, task.Vendor);
        Assert.False(task.Session.IsConnected);
        Assert.True(task.Session.IsDetached);
        Assert.Equal("21", task.Session.CompanyId);
    }

    [Fact]
    public void TaskStatus_UnknownCode_IsKeptRaw()
    {
        var task = Assert.IsType<OutboundTask>(PushConverter.Read(
            """{"code":200,"data":{"dataType":"JOB_INFO_RESULT","data":{"callJobId":1,"status":42}}}""").Output);
        Assert.Equal(OutboundTaskStatus.Unknown, task.Status);
        Assert.Equal(42, task.VendorStatus);
    }

    [Fact]
    public void ATaskFromAPush_ActsInTheGivenOrDefaultSession_LikeABareId()
    {
        var task = Assert.IsType<OutboundTask>(PushConverter.Read(
            """{"code":200,"data":{"dataType":"JOB_INFO_RESULT","data":{"callJobId":1,"status":2}}}""").Output);
        var registry = OutboundPS.Sessions.SessionRegistry.Of(new object());
        var error = Assert.Throws<OutboundException>(() => registry.Resolve(new OutboundTaskId(task), null));
        Assert.Equal("OutboundPS.NoSession", error.ErrorId); // not SessionClosed: the detached session is never used
    }
}
