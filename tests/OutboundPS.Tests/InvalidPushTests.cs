using System;
using OutboundPS.Push;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>A body that is no documented push is a clear error quoting its start, never a null reference, never a secret.</summary>
public sealed class InvalidPushTests
{
    private const string Secret = "SIGN-SECRET-9f8e7d";

    public static TheoryData<string?, string, string> Bodies => new()
    {
        { null, "empty", "(empty)" },
        { "", "empty", "(empty)" },
        { "   \r\n ", "empty", "(empty)" },
        { "<html><body>502 Bad Gateway</body></html>", "not JSON", "<html><body>502 Bad Gateway</body></html>" },
        { "{\"code\":200,\"data\":{\"dataType\":\"CALL_INSTANCE_RESULT\"", "not JSON", "{\"code\":200,\"data\":{\"dataType\":\"CALL_INSTANCE_RESULT\"" },
        { "success", "not JSON", "success" },
        { "[1,2,3]", "array", "[1,2,3]" },
        { "{\"hello\":\"world\"}", "neither a BYRobot callback", "{\"hello\":\"world\"}" },
        { "{\"code\":0,\"message\":\"ok\",\"result\":{}}", "neither a BYRobot callback", "{\"code\":0,\"message\":\"ok\",\"result\":{}}" },
        { "{\"dataType\":\"JOB_INFO_RESULT\",\"data\":{\"callJobId\":1}}", "without the {\"code\":200", "{\"dataType\":\"JOB_INFO_RESULT\"" },
        { "{\"code\":200,\"data\":{\"dataType\":\"SMS_RESULT\",\"data\":{}}}", "'SMS_RESULT' is not one", "{\"code\":200" },
        { "{\"code\":200,\"data\":{\"dataType\":\"JOB_INFO_RESULT\",\"data\":{\"status\":1}}}", "no callJobId", "{\"code\":200" },
        { "{\"code\":200,\"data\":{\"dataType\":\"CALL_INSTANCE_RESULT\",\"data\":{\"jobFinished\":true}}}", "neither a sceneInstance", "{\"code\":200" },
        { "{\"call_uuid\":\"u1\",\"business_id\":\"1\"}", "none of the fields", "{\"call_uuid\":\"u1\"" },
        { "{\"call_uuid\":\"\",\"direction\":2}", "call_uuid is empty", "{\"call_uuid\":\"\"" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void NotAPush_IsAnInvalidPushError_QuotingTheStart_AndNamingTheFix(string? body, string problem, string quoted)
    {
        var error = Assert.Throws<OutboundException>(() => PushConverter.Read(body));
        Assert.Equal("OutboundPS.InvalidPush", error.ErrorId);
        Assert.Equal(OutboundErrorKind.InvalidArgument, error.Kind);
        Assert.Contains(problem, error.Message);
        Assert.Contains(quoted, error.Message);
        Assert.Contains("Pass the request body as the vendor posted it", error.Message);
        Assert.NotNull(error.RecommendedAction);
    }

    [Fact]
    public void TheQuote_IsCutAtEightyCharacters()
    {
        var body = "<html>" + new string('x', 300) + "</html>";
        var error = Assert.Throws<OutboundException>(() => PushConverter.Read(body));
        Assert.Contains("\"<html>" + new string('x', 74) + "…\"", error.Message);
        Assert.DoesNotContain(new string('x', 75), error.Message);
    }

    public static TheoryData<string> BodiesWithASign => new()
    {
        // Not JSON (truncated), the sign early and late, cut inside the sign value, form-encoded, wrong dataType, wrapper missing.
        $"{{\"sign\":\"{Secret}\",\"code\":200,\"data\":{{\"dataType\":\"CALL_INSTANCE_RESULT\"",
        $"{{\"code\":200,\"data\":{{\"dataType\":\"NOPE\",\"data\":{{\"sign\":\"{Secret}\"}}}}}}",
        $"{{\"code\":200,\"data\":{{\"dataType\":\"JOB_INFO_RESULT\",\"data\":{{\"status\":1,\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxx\":1,\"sign\":\"{Secret}\"}}}}}}",
        $"{{\"dataType\":\"CALL_INSTANCE_RESULT\",\"data\":{{}},\"sign\" : \"{Secret}\"}}",
        $"dataType=CALL_INSTANCE_RESULT&sign={Secret}&dateTime=x",
        $"{{\"code\":200,\"data\":{{\"dataType\":\"CALL_INSTANCE_RESULT\",\"data\":{{\"sign\":\"{Secret}\",\"jobFinished\":true}}}}}}",
        $"{{\"SIGN\":\"{Secret}\"}}",
    };

    [Theory]
    [MemberData(nameof(BodiesWithASign))]
    public void TheCallbackSign_NeverAppearsInAnError(string body)
    {
        var error = Assert.Throws<OutboundException>(() => PushConverter.Read(body));
        Assert.DoesNotContain(Secret, error.Message);
        Assert.DoesNotContain(Secret.Substring(0, 8), error.ToString());
        Assert.DoesNotContain(Secret, error.RecommendedAction ?? string.Empty);
    }

    [Fact]
    public void AFailedBody_LeavesTheBatchAsItWas()
    {
        var batch = new PushBatch();
        Assert.Throws<OutboundException>(() => batch.Add("not json"));
        Assert.Equal(0, batch.PendingCalls);
        Assert.Empty(batch.Complete());
    }

    [Fact]
    public void ErrorTarget_IsTheInputItself_UnlessItsTextHoldsASecret()
    {
        var plain = new object();
        Assert.Same(plain, PushPreview.ErrorTarget(plain, "<html>502 Bad Gateway</html>"));
        Assert.Same(plain, PushPreview.ErrorTarget(plain, null));

        var signed = "{\"sign\":\"" + Secret + "\",\"code\":200}";
        var target = Assert.IsType<string>(PushPreview.ErrorTarget(signed, signed));
        Assert.DoesNotContain(Secret, target);
        Assert.Contains("\"code\":200", target);
        Assert.DoesNotContain(Secret, Assert.IsType<string>(PushPreview.ErrorTarget(plain, "sign=" + Secret + "&code=200")));
    }

    [Fact]
    public void RecordingBase_MustBeAbsolute_AndIsRefusedNamingTheParameter()
    {
        var absolute = new Uri("http://voice.example.com:9000/");
        Assert.Same(absolute, OutboundPS.Contract.PushOptions.CheckRecordingBase(absolute));
        Assert.Null(OutboundPS.Contract.PushOptions.CheckRecordingBase(null));

        var error = Assert.Throws<OutboundException>(() => OutboundPS.Contract.PushOptions.CheckRecordingBase(new Uri("rec/", UriKind.Relative)));
        Assert.Equal(OutboundErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("RecordingBaseUri", error.Message);
        Assert.Contains("not an absolute address", error.Message);
    }
}
