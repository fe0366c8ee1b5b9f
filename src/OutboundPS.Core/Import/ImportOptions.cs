using System.Collections.Generic;

namespace OutboundPS.Import;

/// <summary>Import-OutboundCustomer's choices.</summary>
internal sealed class ImportOptions
{
    internal string? PhoneProperty { get; set; }
    internal string? NameProperty { get; set; }
    internal IReadOnlyList<string>? VariableProperty { get; set; }
    internal bool AllowDuplicate { get; set; }

    /// <summary>Dial numbers in ranges libphonenumber's metadata does not list (-AllowUnassignedRange).</summary>
    internal bool AllowUnassignedRange { get; set; }

    /// <summary>Rows a request; null takes the vendor's default.</summary>
    internal int? BatchSize { get; set; }

    /// <summary>Batches in flight at once.</summary>
    internal int ThrottleLimit { get; set; } = 4;

    /// <summary>Keep a record of every row (-PassThru); costs memory per row.</summary>
    internal bool KeepRows { get; set; }

    /// <summary>The full path of a CSV to write every row not accepted to (-NotAcceptedPath); null writes none.</summary>
    internal string? NotAcceptedPath { get; set; }

    /// <summary>Errors written for rows not accepted before the rest are summed up in one (-ErrorLimit).</summary>
    internal int ErrorLimit { get; set; } = int.MaxValue;

    /// <summary>Numbers never to send (-ExcludePhone, -ExcludePhonePath): their rows are Rejected as DoNotCall; null sends every valid row.</summary>
    internal DoNotCallList? DoNotCall { get; set; }

    /// <summary>Where the batches' log lines go; they run on pool threads, away from the caller's log.</summary>
    internal Diagnostics.IOperationLogSink? Log { get; set; }
}
