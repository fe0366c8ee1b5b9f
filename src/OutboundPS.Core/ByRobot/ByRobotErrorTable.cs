using System.Collections.Generic;
using System.Globalization;

namespace OutboundPS.ByRobot;

/// <summary>BYRobot's error codes (docs/vendors/byrobot.md#error-codes) with an English meaning and what to do.</summary>
internal static class ByRobotErrorTable
{
    private static readonly Dictionary<int, VendorErrorInfo> Codes = new()
    {
        // 校验数据错误 covers both a bad signature and data BYRobot could not validate (docs/vendors/byrobot.md#quirk-401).
        [401] = new("the request did not validate: a wrong app key or secret, or data BYRobot could not accept", OutboundErrorKind.InvalidArgument,
            "If every request fails, check the app key and secret (CRM: 系统管理 → 系统设置 → API配置); if only this one does, check the values it sent (-Verbose shows the request)."),
        [403] = new("no permission, for example a company not bound to this app key", OutboundErrorKind.PermissionDenied,
            "Check -CompanyId; the company list shows the companies this key may use."),
        [404] = new("resource not found", OutboundErrorKind.ObjectNotFound, "Check the id; Get-OutboundTask lists the tasks."),
        [408] = new("the request's datetime is more than 3 minutes from BYRobot's clock", OutboundErrorKind.AuthenticationError,
            "Correct this machine's clock (it signs every request with the current UTC time)."),
        [412] = new("bad parameter", OutboundErrorKind.InvalidArgument, "Check the values sent; -Verbose shows the request."),
        [500] = new("unknown error", OutboundErrorKind.NotSpecified, "Retry later; if it persists, contact BYRobot."),
    };

    // 404 says the id a request named was not found; which id depends on the endpoint, and so does where to look it up.
    private static readonly VendorErrorInfo BlocklistNotFound =
        new("resource not found", OutboundErrorKind.ObjectNotFound, "Check the id; Get-OutboundBlocklist lists the blocklists.");

    private static readonly VendorErrorInfo CallNotFound =
        new("resource not found", OutboundErrorKind.ObjectNotFound, "Check the call id; Get-OutboundCallRecord lists a task's calls.");

    private static readonly VendorErrorInfo CompanyNotFound =
        new("resource not found", OutboundErrorKind.ObjectNotFound, "Check -CompanyId; the company list shows the companies this key may use.");

    internal static OutboundException ToException(int code, string? message, string operation) =>
        OutboundErrors.Vendor(ByRobotVendor.Id, operation, code.ToString(CultureInfo.InvariantCulture), message,
            code == 404 ? NotFound(operation)
                : Codes.TryGetValue(code, out var info)
                    ? info
                    : new VendorErrorInfo("a code OutboundPS does not know", OutboundErrorKind.NotSpecified, "See the BYRobot documentation for this code."));

    /// <summary>The 404 of an operation (its path under openapi/v1): a blocklist group, a call, a task, or else the company.</summary>
    private static VendorErrorInfo NotFound(string operation)
    {
        if (operation.IndexOf("blacklist", System.StringComparison.OrdinalIgnoreCase) >= 0) return BlocklistNotFound;
        if (operation == "task/phoneLogInfo") return CallNotFound;
        // Undelivered callbacks are asked for by task too (callJobId).
        return operation.StartsWith("task/", System.StringComparison.Ordinal) || operation.StartsWith("callBack/", System.StringComparison.Ordinal)
            ? Codes[404]
            : CompanyNotFound;
    }
}
