using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Import;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// A single call asks only what the vendor's call API asks: BYRobot singleCallByMobile (seed 000, "task/singleCallByMobile":
/// mobile, companyId, variables, sceneId, sceneRecordId, robotDefId; userName optional in the last version) and iFlytek
/// callout have no name rule, and an error names the parameter, not a row of an import.
/// </summary>
public sealed class SingleCallTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static CallSpec FromPhoneParameter(string phone, string? name, IDictionary? variables, CustomerRules rules, List<OutboundException> refused)
    {
        var rows = new CallRows();
        rows.Add(phone, name, variables);
        return rows.Read("5001", null, null, rules, (error, _) => refused.Add(error));
    }

    [Fact]
    public async Task ByRobot_CallsANumberWithoutAName_SendingTheSeedsFieldsAndTheScriptsVariables()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var refused = new List<OutboundException>();
        // Sandbox robot 5001's script reads 客户名称 and 金额.
        var spec = FromPhoneParameter("13800000099", null, new Hashtable { ["客户名称"] = "张三", ["金额"] = "100" }, h.Session.Client.Descriptor.CustomerRules, refused);
        Assert.Empty(refused);

        var result = Assert.Single(await h.Session.Client.CallAsync(spec, None));
        Assert.True(result.Accepted);
        var body = h.Last("/task/singleCallByMobile").Body!;
        string[] seedFields = { "mobile", "companyId", "variables", "sceneId", "sceneRecordId", "robotDefId" };
        Assert.All(seedFields, field => Assert.True(body.ContainsKey(field), $"the request lacks the seed's {field}"));
        // The last documented version also names the scene sceneDefId, and takes an optional userName; nothing else.
        Assert.Empty(body.Select(p => p.Key).Except(seedFields.Append("sceneDefId").Append("userName")));
        Assert.Equal("13800000099", (string?)body["mobile"]);
        Assert.Equal(new Dictionary<string, string?> { ["客户名称"] = "张三", ["金额"] = "100" },
            body["variables"]!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value));
        // 客户名称 is one of the name columns, so the script's customer name is also the call's userName.
        Assert.Equal("张三", (string?)body["userName"]);
    }

    [Fact]
    public async Task ByRobot_ACallWithNoNameAtAll_LeavesUserNameOut()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var columns = new CustomerColumns("Phone", null, new[] { "客户名称", "金额" });
        await h.Session.Client.CallAsync(new CallSpec("5001", columns, new[] { new CustomerRow(1, "13800000099", null, new[] { "张三", "100" }) }), None);
        Assert.False(h.Last("/task/singleCallByMobile").Body!.ContainsKey("userName"));
    }

    [Fact]
    public async Task ByRobot_TakesTheScriptsCustomerName_FromTheName()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var spec = FromPhoneParameter("13800000099", "李四", new Hashtable { ["金额"] = "100" }, h.Session.Client.Descriptor.CustomerRules, new List<OutboundException>());
        await h.Session.Client.CallAsync(spec, None);
        var body = h.Last("/task/singleCallByMobile").Body!;
        Assert.Equal("李四", (string?)body["variables"]!["客户名称"]);
        Assert.Equal("李四", (string?)body["userName"]);
    }

    [Fact]
    public async Task ByRobot_RefusesACallThatLacksAScriptVariable_BeforeSending_NamingVariable()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var spec = FromPhoneParameter("13800000099", "李四", null, h.Session.Client.Descriptor.CustomerRules, new List<OutboundException>());
        var error = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.CallAsync(spec, None));
        Assert.Equal("OutboundPS.InvalidArgument.Variable", error.ErrorId);
        Assert.Contains("金额", error.Message);
        Assert.Contains("-Variable", error.RecommendedAction);
        Assert.Empty(h.Requests("/task/singleCallByMobile"));
    }

    [Theory]
    [InlineData("ByRobot")]
    [InlineData("IFlytek")]
    public async Task ABadNumberGivenWithPhone_IsAnErrorAboutPhone_NotAboutARow(string vendor)
    {
        await using var connection = await SandboxHarness.ForVendorAsync(vendor);
        var refused = new List<OutboundException>();
        var spec = FromPhoneParameter("+1 312 555 0123", null, null, connection.Session.Client.Descriptor.CustomerRules, refused);
        Assert.Empty(spec.Customers);
        var error = Assert.Single(refused);
        Assert.Equal("OutboundPS.InvalidArgument.Phone", error.ErrorId);
        Assert.StartsWith("-Phone '+1 312 555 0123': ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Row", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("import", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ANumberWithoutANameIsCalled_OnAVendorWhoseImportRequiresOne()
    {
        var importRules = new CustomerRules { VendorName = "BYRobot", AcceptsLandlines = true, RequiresName = true };
        var refused = new List<OutboundException>();
        var spec = FromPhoneParameter("13800000099", null, null, importRules, refused);
        Assert.Empty(refused);
        Assert.Equal("13800000099", Assert.Single(spec.Customers).Phone);
    }
}
