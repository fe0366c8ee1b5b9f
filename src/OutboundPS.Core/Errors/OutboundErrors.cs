using System;
using System.Collections.Generic;
using System.Globalization;

namespace OutboundPS;

/// <summary>Every error message OutboundPS writes, in one place.</summary>
internal static class OutboundErrors
{
    // A parameter the user never gave has no value to quote: "-Name: nothing to change", not "-Name '': ...".
    internal static OutboundException InvalidArgument(string parameter, object? value, string problem, string fix) =>
        new($"OutboundPS.InvalidArgument.{parameter}", OutboundErrorKind.InvalidArgument,
            value is null ? $"-{parameter}: {problem} {fix}" : $"-{parameter} '{value}': {problem} {fix}")
        { TargetObject = value, RecommendedAction = fix };

    /// <summary>Connect-Outbound -Sandbox beside an account's credentials: which of the two was meant cannot be known.</summary>
    internal static OutboundException SandboxWithCredentials(string credentials) =>
        InvalidArgument("Sandbox", true, $"connects to the in-process simulator, which takes no {credentials}.",
            $"Leave {credentials} out to use the sandbox, or leave -Sandbox out (or give -Sandbox:$false) to connect to the account.");

    /// <summary>Connect-Outbound with -Sandbox:$false and nothing else: an account needs its credentials.</summary>
    internal static OutboundException NoCredentials() =>
        new("OutboundPS.InvalidArgument.Credential", OutboundErrorKind.InvalidArgument,
            "Connecting to an account needs its credentials, and none were given (-Sandbox:$false is the same as no -Sandbox).")
        { RecommendedAction = "Give -Credential, or -AppKey and -AppSecret; or -Sandbox to use the in-process simulator." };

    /// <summary>One input row that cannot be sent; the rest of the import goes on.</summary>
    internal static OutboundException InvalidRow(string reason, long rowNumber, string column, string? value, string problem, string fix) =>
        new($"OutboundPS.InvalidRow.{reason}", OutboundErrorKind.InvalidArgument,
            $"Row {rowNumber}, column {column} '{value}': {problem} {fix}")
        { TargetObject = value, RecommendedAction = fix };

    /// <summary>A line of a do-not-call file that is not a number: the whole list is refused before anything is sent.</summary>
    internal static OutboundException DoNotCallEntry(string path, long line, string value, string problem, string fix) =>
        new("OutboundPS.InvalidArgument.ExcludePhonePath", OutboundErrorKind.InvalidArgument,
            string.Format(CultureInfo.InvariantCulture, "-ExcludePhonePath '{0}', line {1:N0} '{2}': {3} {4}", path, line, value, problem, fix))
        { TargetObject = value, RecommendedAction = fix };

    /// <summary>The one error that stands for the rows not accepted past -ErrorLimit, and says where they are.</summary>
    internal static OutboundException ErrorLimitReached(string taskId, int limit, long rejectedRows, long batches, long batchRows,
        string? notAcceptedPath, bool keptRows)
    {
        var parts = new List<string>();
        if (rejectedRows > 0) parts.Add(string.Format(CultureInfo.InvariantCulture, "{0:N0} rows rejected", rejectedRows));
        if (batches > 0) parts.Add(string.Format(CultureInfo.InvariantCulture, "{0:N0} failed batches of {1:N0} rows in all", batches, batchRows));
        var where = notAcceptedPath is not null
            ? $"Every row not accepted is in '{notAcceptedPath}', with its outcome and reason."
            : keptRows
                ? "Every row is in the result's Rows: $result.Rows | Where-Object Outcome -ne Accepted."
                : "To keep every row not accepted, import with -NotAcceptedPath <csv> (or -PassThru).";
        return new OutboundException("OutboundPS.ErrorLimit", OutboundErrorKind.LimitsExceeded,
            string.Format(CultureInfo.InvariantCulture, "Import into task {0}: past -ErrorLimit {1:N0}, no error was written for {2}. {3}",
                taskId, limit, string.Join(" and ", parts), where))
        { TargetObject = taskId, RecommendedAction = where };
    }

    /// <summary>A number given to Add-OutboundBlocklistNumber as plain text that cannot go on a list; the rest go on.</summary>
    internal static OutboundException InvalidBlocklistNumber(long inputNumber, string? value, string problem, string fix) =>
        new("OutboundPS.InvalidRow.Phone", OutboundErrorKind.InvalidArgument, $"Number {inputNumber} '{value}': {problem} {fix}")
        { TargetObject = value, RecommendedAction = fix };

    /// <summary>A blocklist the vendor deletes only when empty, and it is not.</summary>
    internal static OutboundException BlocklistNotEmpty(OutboundVendor vendor, string id, string? name, long count) =>
        new($"OutboundPS.{vendor}.BlocklistNotEmpty", OutboundErrorKind.InvalidOperation,
            string.Format(CultureInfo.InvariantCulture,
                "Blocklist '{0}' (id {1}) still holds {2:N0} numbers, and {3} deletes only an empty group; nothing was removed. " +
                "Pass -Force to remove its numbers and then the group, or remove them first: Get-OutboundBlocklistNumber -ListId {1} | Remove-OutboundBlocklistNumber.",
                name, id, count, vendor))
        { Vendor = vendor, TargetObject = id, RecommendedAction = "Pass -Force, or empty the group first." };

    /// <summary>No group with the id or name given.</summary>
    internal static OutboundException BlocklistNotFound(OutboundVendor vendor, string parameter, string value) =>
        new($"OutboundPS.{vendor}.BlocklistNotFound", OutboundErrorKind.ObjectNotFound,
            $"{vendor} has no blocklist with {parameter.ToLowerInvariant()} '{value}'. Get-OutboundBlocklist lists the groups of this session.")
        { Vendor = vendor, TargetObject = value };

    internal static OutboundException NotImplemented(OutboundVendor vendor, string operation, string alternative) =>
        new($"OutboundPS.{vendor}.NotImplemented", OutboundErrorKind.NotImplemented,
            $"{vendor} does not offer {operation}. {alternative}")
        { Vendor = vendor, RecommendedAction = alternative };

    internal static OutboundException ParameterNotSupported(OutboundVendor vendor, string parameter, string alternative) =>
        new($"OutboundPS.{vendor}.ParameterNotSupported", OutboundErrorKind.InvalidArgument,
            $"-{parameter} is not accepted by {vendor}; it was not sent and nothing was created. {alternative}")
        { Vendor = vendor, RecommendedAction = alternative };

    internal static OutboundException NoSession() =>
        new("OutboundPS.NoSession", OutboundErrorKind.InvalidOperation,
            "No OutboundPS session is connected. Run Connect-Outbound first (for a trial: Connect-Outbound -Vendor IFlytek -Sandbox).")
        { RecommendedAction = "Run Connect-Outbound." };

    internal static OutboundException SessionNotFound(string name) =>
        new("OutboundPS.SessionNotFound", OutboundErrorKind.ObjectNotFound,
            $"No session named '{name}'. Get-OutboundSession lists the connected sessions.")
        { TargetObject = name };

    internal static OutboundException SessionClosed(OutboundSession session) =>
        new("OutboundPS.SessionClosed", OutboundErrorKind.InvalidOperation,
            $"Session '{session.Name}' was disconnected. Connect-Outbound again, or pass another -Session.")
        { TargetObject = session };

    internal static OutboundException SessionConflict(OutboundTaskId task, OutboundSession given) =>
        new("OutboundPS.SessionConflict", OutboundErrorKind.InvalidArgument,
            $"Task {task.Id} belongs to session '{task.Session!.Name}' ({task.Session.Vendor}), but -Session names '{given.Name}' ({given.Vendor}). " +
            "Omit -Session to act in the task's own session, or pass the task's id as a string to act in another.")
        { TargetObject = task.Id, RecommendedAction = "Omit -Session." };

    internal static OutboundException TaskNotFound(OutboundVendor vendor, string taskId) =>
        new($"OutboundPS.{vendor}.TaskNotFound", OutboundErrorKind.ObjectNotFound,
            $"{vendor} has no task with id '{taskId}'. Get-OutboundTask lists the tasks of this session.")
        { Vendor = vendor, TargetObject = taskId };

    internal static OutboundException Vendor(OutboundVendor vendor, string operation, string code, string? vendorMessage,
        VendorErrorInfo info) =>
        new($"OutboundPS.{vendor}.{code}", info.Kind,
            string.Format(CultureInfo.InvariantCulture, "{0} refused {1}: code {2} {3} ({4}). {5}",
                vendor, operation, code, vendorMessage, info.Meaning, info.Action))
        {
            Vendor = vendor,
            VendorCode = code,
            VendorMessage = vendorMessage,
            RecommendedAction = info.Action,
            NotApplied = info.NotApplied,
        };

    internal static OutboundException UnreadableAnswer(OutboundVendor vendor, string operation, int status, string firstBytes) =>
        new($"OutboundPS.{vendor}.UnreadableAnswer", OutboundErrorKind.InvalidResult,
            $"{vendor} answered {operation} with HTTP {status} and a body that is not its documented JSON: \"{firstBytes}\". " +
            "Check -BaseUri points at the vendor's API, or retry later if the service is failing.")
        { Vendor = vendor, OutcomeUnknown = true };

    /// <summary>
    /// A body that is no documented push (not JSON, JSON of another shape, empty). The message quotes its first
    /// characters, secrets redacted by the caller (Push/PushPreview: a BYRobot callback may carry its signature,
    /// docs/vendors/byrobot.md#callback-delivery).
    /// </summary>
    internal static OutboundException InvalidPush(string preview, string problem) =>
        new("OutboundPS.InvalidPush", OutboundErrorKind.InvalidArgument,
            $"Not a push OutboundPS can read: {problem} The input starts \"{preview}\". " + InvalidPushFix)
        { RecommendedAction = InvalidPushFix };

    private const string InvalidPushFix =
        "Pass the request body as the vendor posted it: a BYRobot callback ({\"code\":200,\"data\":{\"dataType\":…,\"data\":{…}}}), " +
        "a yeta push (an object with call_uuid), or a line of a yeta push-failure file ({\"data\":{…},\"module\":…}).";

    /// <summary>A Receive-OutboundPush -AllowedAddress value that is no address, CIDR range or shorthand; refused before listening.</summary>
    internal static OutboundException InvalidAllowedAddress(string value, string problem, string fix) =>
        InvalidArgument("AllowedAddress", value, problem, fix);

    /// <summary>Receive-OutboundPush could not listen on its prefix (in use, not allowed, malformed).</summary>
    internal static OutboundException ListenFailed(string prefix, string problem, string fix) =>
        new("OutboundPS.ListenFailed", OutboundErrorKind.ConnectionError, $"Cannot listen on {prefix}: {problem} {fix}")
        { TargetObject = prefix, RecommendedAction = fix };

    /// <summary>Receive-OutboundPush could not open or read the file it stores pushes in.</summary>
    internal static OutboundException PushFileUnusable(string path, string problem) =>
        new("OutboundPS.PushFileUnusable", OutboundErrorKind.InvalidArgument,
            $"-Path '{path}': {problem} Give a file in an existing folder that no other process is writing.")
        { TargetObject = path, RecommendedAction = "Give a file in an existing folder that no other process is writing." };

    internal static OutboundException NotReached(OutboundVendor vendor, string operation, Uri baseUri, Exception inner) =>
        new($"OutboundPS.{vendor}.ConnectionFailed", OutboundErrorKind.ConnectionError,
            $"Could not reach {vendor} at {baseUri} for {operation}: {inner.Message} Nothing was sent; check -BaseUri, the network and any proxy.",
            inner)
        { Vendor = vendor, NotApplied = true };

    internal static OutboundException Interrupted(OutboundVendor vendor, string operation, Exception? inner, bool timedOut) =>
        new($"OutboundPS.{vendor}.{(timedOut ? "Timeout" : "ConnectionLost")}",
            timedOut ? OutboundErrorKind.OperationTimeout : OutboundErrorKind.ConnectionError,
            $"{vendor} did not answer {operation} ({(timedOut ? "timed out" : inner?.Message)}). The request was sent, so whether " +
            "it took effect is unknown; check with Get-OutboundTask before repeating it.",
            inner)
        { Vendor = vendor, OutcomeUnknown = true };

    internal static OutboundException Busy(OutboundVendor vendor, string operation, int status, TimeSpan? retryAfter = null) =>
        new($"OutboundPS.{vendor}.Http{status}", OutboundErrorKind.ResourceBusy,
            $"{vendor} turned {operation} away with HTTP {status} before processing it. " +
            (retryAfter is { } wait ? $"Retry after {Math.Ceiling(wait.TotalSeconds):0} s, as it asked." : "Retry later."))
        { Vendor = vendor, NotApplied = true, RetryAfter = retryAfter };
}

/// <summary>One row of a vendor's error-code table: what the code means and what to do.</summary>
internal readonly struct VendorErrorInfo
{
    internal VendorErrorInfo(string meaning, OutboundErrorKind kind, string action, bool notApplied = false)
    {
        Meaning = meaning;
        Kind = kind;
        Action = action;
        NotApplied = notApplied;
    }

    internal string Meaning { get; }
    internal OutboundErrorKind Kind { get; }
    internal string Action { get; }

    /// <summary>The vendor rejected the request before applying it (a retry is safe).</summary>
    internal bool NotApplied { get; }
}
