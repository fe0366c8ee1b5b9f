using System.Collections.Generic;
using System.Globalization;

namespace OutboundPS.IFlytek;

/// <summary>yeta's error codes (docs/vendors/iflytek.md#error-codes) with an English meaning and what to do.</summary>
internal static class IFlytekErrorTable
{
    internal const int InvalidToken = 10001;
    internal const int TokenWithoutPermission = 10002;
    internal const int Busy = 10004;

    private static readonly Dictionary<int, VendorErrorInfo> Codes = new()
    {
        [200101] = new("wrong app_key or app_secret", OutboundErrorKind.AuthenticationError,
            "Check the app key and secret in the yeta console (应用管理) and connect again."),
        [10001] = new("invalid token", OutboundErrorKind.AuthenticationError,
            "The token was refused even after a refresh; connect again."),
        [10002] = new("the token has no permission for this call, even after a new token was obtained", OutboundErrorKind.PermissionDenied,
            "Ask the account administrator to enable this API for the application."),
        [10003] = new("wrong app id", OutboundErrorKind.AuthenticationError, "Check the app key."),
        [10004] = new("service busy", OutboundErrorKind.ResourceBusy, "Retry later.", notApplied: true),
        [10005] = new("bad input parameters", OutboundErrorKind.InvalidArgument,
            "Check the values sent; -Verbose shows the request."),
        [10020] = new("API under maintenance", OutboundErrorKind.ResourceBusy, "Retry later.", notApplied: true),
        [10021] = new("API disabled", OutboundErrorKind.NotImplemented, "Contact iFlytek to enable the API."),
        [200200] = new("inconsistent data relation", OutboundErrorKind.InvalidArgument,
            "Check that the robot, line and task belong to this application."),
        [200201] = new("wrong enterprise id", OutboundErrorKind.InvalidArgument, "Check the account."),
        [200202] = new("wrong task id", OutboundErrorKind.ObjectNotFound,
            "Get-OutboundTask lists the tasks of this session."),
        [200203] = new("wrong caller line number", OutboundErrorKind.InvalidArgument,
            "Get-OutboundLine lists the lines; pass their Id to -Line."),
        [200204] = new("wrong robot (script) id", OutboundErrorKind.InvalidArgument,
            "Get-OutboundRobot lists the robots; pass their Id to -RobotId."),
        [200205] = new("wrong voice id", OutboundErrorKind.InvalidArgument, "Check -Voice."),
        [200206] = new("wrong speech speed", OutboundErrorKind.InvalidArgument, "Check the speed value."),
        [200209] = new("insufficient balance", OutboundErrorKind.QuotaExceeded, "Top up the account."),
        [200210] = new("wrong file format", OutboundErrorKind.InvalidArgument, "Check the uploaded data."),
        [200211] = new("upload larger than 10 MB", OutboundErrorKind.LimitsExceeded, "Send less data per request."),
        [200212] = new("the data columns do not match the robot's dynamic fields", OutboundErrorKind.InvalidArgument,
            "Get-OutboundRobot shows the robot's Variables; give the input exactly those columns."),
        [200213] = new("too many rows in one upload", OutboundErrorKind.LimitsExceeded, "Send at most 50 rows a request."),
        [200222] = new("not inside an allowed working period", OutboundErrorKind.InvalidArgument,
            "Choose -WorkingHours inside the enterprise's working hours (see Get-OutboundLine)."),
        [3030002] = new("the line is already occupied by another task", OutboundErrorKind.ResourceBusy,
            "Pick a free line (Get-OutboundLine shows InUse) or stop the task using it."),
        [3010102] = new("the task is already deleted", OutboundErrorKind.InvalidOperation, "Nothing to do."),
        [3010101] = new("the task is already finished", OutboundErrorKind.InvalidOperation,
            "Create a new task for more calls."),
    };

    internal static VendorErrorInfo Describe(int code) =>
        Codes.TryGetValue(code, out var info)
            ? info
            : new VendorErrorInfo("a code OutboundPS does not know", OutboundErrorKind.NotSpecified,
                "See the yeta documentation for this code.");

    internal static OutboundException ToException(int code, string? message, string operation) =>
        OutboundErrors.Vendor(IFlytekVendor.Id, operation, code.ToString(CultureInfo.InvariantCulture), message, Describe(code));
}
