using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.ByRobot;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>The BYRobot simulator's own limits, driven by raw requests signed here.</summary>
public sealed class ByRobotSandboxLimitTests
{
    private readonly ByRobotSimulator _simulator = new("k", "s", new ManualClock(DateTimeOffset.UnixEpoch));

    private int Code(string method, string path, Dictionary<string, string>? query = null, JsonNode? body = null)
    {
        var dateTime = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes("s"));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["appkey"] = "k",
            ["datetime"] = dateTime,
            ["sign"] = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes("k\n" + dateTime))),
        };
        var answer = _simulator.Handle(new SimulatedRequest(method, path, query ?? new Dictionary<string, string>(), headers,
            body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body.ToJsonString())));
        return (int)JsonNode.Parse(answer.Body)!["code"]!;
    }

    [Fact]
    public void TaskListPageSize_IsCappedAtOneHundred()
    {
        Dictionary<string, string> Page(int size) => new() { ["companyId"] = "3813", ["pageNum"] = "1", ["pageSize"] = size.ToString(CultureInfo.InvariantCulture) };
        Assert.Equal(200, Code("GET", "/openapi/v1/task/getTasks", Page(100)));
        Assert.Equal(412, Code("GET", "/openapi/v1/task/getTasks", Page(101)));
    }

    [Fact]
    public void ImportOfMoreThanTenThousand_IsRefused_AndAForeignCompanyIsForbidden()
    {
        var create = new JsonObject
        {
            ["companyId"] = 3813, ["taskName"] = "t", ["taskType"] = 2, ["userPhoneIds"] = new JsonArray(101), ["robotDefId"] = 5002, ["callType"] = 1,
        };
        Assert.Equal(200, Code("POST", "/openapi/v1/task/createTask", body: create));
        JsonNode Import(int count) => new JsonObject
        {
            ["companyId"] = 3813,
            ["taskId"] = 10001,
            ["customerInfoList"] = new JsonArray(Enumerable.Range(0, count)
                .Select(i => (JsonNode)new JsonObject { ["name"] = "n", ["phone"] = $"138{i:00000000}", ["properties"] = new JsonObject() }).ToArray()),
        };
        Assert.Equal(200, Code("POST", "/openapi/v2/task/importTaskCustomer", body: Import(10_000)));
        Assert.Equal(412, Code("POST", "/openapi/v2/task/importTaskCustomer", body: Import(10_001)));
        Assert.Equal(10_000, _simulator.PhonesOf(10001).Count);
        Assert.Equal(403, Code("GET", "/openapi/v1/company/getPhones", new Dictionary<string, string> { ["companyId"] = "1" }));
    }
}
