using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using OutboundPS.Push;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>A body a host already parsed (dictionaries, lists, scalars: an Azure Functions trigger's $Request.Body) reads like its text.</summary>
public sealed class PushParsedBodyTests
{
    [Fact]
    public void AParsedByRobotCallback_ReadsLikeItsText()
    {
        var sceneInstance = new Hashtable
        {
            ["callInstanceId"] = 123456789012L, ["callJobId"] = 7, ["customerTelephone"] = "13800138000", ["finishStatus"] = 8,
            ["duration"] = 0.0, ["startTime"] = "2019-01-12 16:09:32", ["propertiesMap"] = new OrderedDictionary { ["金额"] = 100m },
        };
        var body = new Dictionary<string, object?>
        {
            ["code"] = 200,
            ["data"] = new Dictionary<string, object?>
            {
                ["dataType"] = "CALL_INSTANCE_RESULT",
                ["data"] = new Dictionary<string, object?>
                {
                    ["sceneInstance"] = sceneInstance,
                    ["taskResult"] = new List<object?> { new Hashtable { ["resultName"] = "客户意向等级", ["resultValue"] = "F级(无需跟进)" } },
                    ["jobFinished"] = true,
                    ["sign"] = null,
                },
            },
        };
        var record = Assert.IsType<OutboundCallRecord>(Assert.Single(new PushBatch().AddParsed(body)));
        Assert.Equal("123456789012", record.CallId);
        Assert.Equal(CallOutcome.NoAnswer, record.Outcome);
        Assert.Equal(System.TimeSpan.Zero, record.Duration);
        Assert.Equal("F", record.Intent);
        Assert.Equal("100", record.Variables["金额"]);
    }

    [Fact]
    public void AGraphThatRefersToItself_IsAnInvalidPushError()
    {
        var loop = new Hashtable();
        loop["self"] = loop;
        var error = Assert.Throws<OutboundException>(() => new PushBatch().AddParsed(loop));
        Assert.Equal("OutboundPS.InvalidPush", error.ErrorId);
        Assert.Contains("nested deeper", error.Message);
    }
}
