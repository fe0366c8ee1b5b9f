using OutboundPS.ByRobot;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// BYRobot's 404 (资源未找到, docs/vendors/byrobot.md#error-codes) says an id was not found; the advice names where
/// that endpoint's id is looked up, not always the task list.
/// </summary>
public sealed class ByRobotNotFoundTests
{
    [Theory]
    [InlineData("task/getTaskDetail", "Get-OutboundTask")]
    [InlineData("task/importTaskCustomer", "Get-OutboundTask")]
    [InlineData("callBack/queryUnCallBack", "Get-OutboundTask")]
    [InlineData("task/phoneLogInfo", "Get-OutboundCallRecord")]
    [InlineData("company/blacklist/info/page", "Get-OutboundBlocklist")]
    [InlineData("company/addBlackList/batch", "Get-OutboundBlocklist")]
    [InlineData("company/getRobots", "-CompanyId")]
    [InlineData("company/getPhones", "-CompanyId")]
    [InlineData("company/seat/statistics", "-CompanyId")]
    [InlineData("sms/template/list", "-CompanyId")]
    public void TheAdvice_NamesWhereTheEndpointsIdIsFound(string operation, string pointer)
    {
        var error = ByRobotErrorTable.ToException(404, "资源未找到", operation);

        Assert.Equal("OutboundPS.ByRobot.404", error.ErrorId);
        Assert.Equal(OutboundErrorKind.ObjectNotFound, error.Kind);
        Assert.Contains(pointer, error.RecommendedAction);
        if (pointer != "Get-OutboundTask") Assert.DoesNotContain("Get-OutboundTask", error.RecommendedAction);
    }
}
