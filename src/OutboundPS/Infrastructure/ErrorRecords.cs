using System;
using System.Management.Automation;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>Builds ErrorRecords from OutboundExceptions: stable id, category, the user's input as target.</summary>
internal static class ErrorRecords
{
    internal static ErrorRecord From(OutboundException error, object? target)
    {
        var record = new ErrorRecord(error, error.ErrorId, ToCategory(error.Kind), error.TargetObject ?? target);
        if (error.RecommendedAction is not null)
            record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction };
        return record;
    }

    /// <summary>OutboundErrorKind's names are ErrorCategory's names (a test keeps them in step).</summary>
    internal static ErrorCategory ToCategory(OutboundErrorKind kind) =>
        Enum.TryParse<ErrorCategory>(kind.ToString(), out var category) ? category : ErrorCategory.NotSpecified;
}
