using System;
using System.Management.Automation;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Import;

namespace OutboundPS.Commands;

/// <summary>Streams customers from the pipeline into a task, accounting for every row.</summary>
[Cmdlet(VerbsData.Import, "OutboundCustomer", SupportsShouldProcess = true)]
[OutputType(typeof(OutboundImportResult))]
public sealed class ImportOutboundCustomerCommand : OutboundCmdlet, IDisposable
{
    // Well under a runbook's 1 MiB error stream and PowerShell's $MaximumErrorCount (256), and more than anyone reads
    // one by one; the rest are summed up in one error that says where every row is (-NotAcceptedPath, -PassThru).
    private const int DefaultErrorLimit = 100;
    private readonly NotePropertyPositions _columnPositions = new();
    private CustomerImport? _import;
    private OutboundSession? _session;
    private bool _declined;
    private long _nextProgressAt;

    /// <summary>The task to import into (an id, or an OutboundTask).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [TaskIdTransformation]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public OutboundTaskId TaskId { get; set; } = null!;

    /// <summary>The customers: Import-Csv rows, hashtables or any objects.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The phone column, when it is not one of the names OutboundPS recognizes.</summary>
    [Parameter]
    public string? PhoneProperty { get; set; }

    /// <summary>The name column, when it is not one of the names OutboundPS recognizes.</summary>
    [Parameter]
    public string? NameProperty { get; set; }

    /// <summary>Only these columns are sent as robot variables.</summary>
    [Parameter]
    public string[]? VariableProperty { get; set; }

    /// <summary>Send phones repeated within this import instead of rejecting them.</summary>
    [Parameter]
    public SwitchParameter AllowDuplicate { get; set; }

    /// <summary>Send numbers in ranges libphonenumber's metadata does not list (newly assigned ranges) instead of rejecting them.</summary>
    [Parameter]
    public SwitchParameter AllowUnassignedRange { get; set; }

    /// <summary>Customers a request, up to the vendor's limit (iFlytek 50, BYRobot 10,000); its default when omitted (50, 500).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? BatchSize { get; set; }

    /// <summary>Batches in flight at once.</summary>
    [Parameter]
    [ValidateRange(1, 32)] // VendorTransport.ConnectionsPerHost gives each of these a connection, on every target.
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>
    /// A CSV file (UTF-8 with BOM) that receives every row not accepted, its input columns followed by Outcome, Reason and
    /// Code, as its batch settles; created, or emptied, when the command starts.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NotAcceptedPath { get; set; }

    /// <summary>Numbers never to send: their rows are Rejected with the code DoNotCall, however the number is written.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludePhone { get; set; }

    /// <summary>Files of numbers never to send: one number a line, or a .csv file whose phone column is found like the input's.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludePhonePath { get; set; }

    /// <summary>Errors written for rows not accepted before the rest are summed up in one error; 0 writes only that one.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int ErrorLimit { get; set; } = DefaultErrorLimit;

    /// <summary>Adds a record of every row to the result's Rows.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The session; the newest when omitted.</summary>
    [Parameter]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _session = UseSession(TaskId, Session);
        // Read whole before the prompt and -WhatIf too: a list that cannot be read is worth knowing before the real run.
        var doNotCall = ReadDoNotCallList(ExcludePhone, ExcludePhonePath);
        _declined = !ShouldProcess($"{_session.Vendor} task {TaskId}", "Import customers");
        if (_declined) return;
        var notAcceptedPath = NotAcceptedPath is null ? null : GetUnresolvedProviderPathFromPSPath(NotAcceptedPath);
        _import = Validate(() => new CustomerImport(_session, TaskId.Id, new ImportOptions
        {
            PhoneProperty = PhoneProperty,
            NameProperty = NameProperty,
            VariableProperty = VariableProperty,
            AllowDuplicate = AllowDuplicate,
            AllowUnassignedRange = AllowUnassignedRange,
            BatchSize = BatchSize,
            ThrottleLimit = ThrottleLimit,
            KeepRows = PassThru,
            NotAcceptedPath = notAcceptedPath,
            ErrorLimit = ErrorLimit,
            DoNotCall = doNotCall,
            Log = Log,
        }), NotAcceptedPath);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (_declined || InputObject is null) return;
        var row = PSObjectInputRow.From(InputObject, _columnPositions);
        var input = InputObject;
        try
        {
            Await(_import!.AddAsync(row, input, StopToken), input);
        }
        catch (OperationCanceledException)
        {
            // Dispose settles the batches on the wire and keeps the account.
            throw new PipelineStoppedException();
        }

        ReportNotices();
        if (_import!.RowsRead >= _nextProgressAt)
        {
            _nextProgressAt = _import.RowsRead + 500;
            WriteProgress(Describe(_import.Progress, ProgressRecordType.Processing));
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_declined) return;
        if (_import!.RowsRead == 0)
            Fail(OutboundErrors.InvalidArgument("InputObject", null, "no customers were piped in.",
                "Pipe rows in, for example Import-Csv customers.csv | Import-OutboundCustomer -TaskId <id>."), TaskId.Id);
        OutboundImportResult result;
        try
        {
            result = Run(token => _import.CompleteAsync(token), TaskId.Id);
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }

        ReportNotices();
        WriteProgress(Describe(_import.Progress, ProgressRecordType.Completed));
        WriteVerbose($"Import into task {TaskId}: {result} in {result.Duration.TotalSeconds:0.0} s.");
        if (NotAcceptedPath is not null) WriteVerbose($"{_import.NotAcceptedWritten} rows not accepted were written to {NotAcceptedPath}.");
        WriteObject(result);
    }

    /// <summary>
    /// However the command ends before completing (Ctrl+C, -ErrorAction Stop on a rejected row, an error up or down
    /// the pipeline, the runspace closing), PowerShell disposes it: the batches on the wire settle, every row taken is
    /// accounted for on the session, and the host is told, since a failed or stopping pipeline takes no more output.
    /// </summary>
    public void Dispose()
    {
        // No row taken (nothing piped in, or stopped before the first): nothing to account for, LastImport stays as it was.
        if (_import is null || _import.IsFinished) return;
        if (_import.RowsRead == 0)
        {
            _import.Abandon();
            return;
        }

        var reason = StopToken.IsCancellationRequested
            ? "the import was stopped (Ctrl+C) before this row was sent."
            : "the import ended early (an error stopped the pipeline) before this row was sent.";
        var result = _import.StopAsync(reason).GetAwaiter().GetResult();
        WarnHost($"Import into task {TaskId} ended early: {result}. Rows not sent are Rejected with the reason 'Not sent'. " +
            $"The full account is in (Get-OutboundSession -Name '{_session!.Name}').LastImport" +
            (NotAcceptedPath is null ? "." : $"; the rows not accepted, those not sent included, are in {NotAcceptedPath}."));
    }

    private void ReportNotices()
    {
        while (_import!.Notices.TryDequeue(out var notice)) WriteError(ErrorRecords.From(notice.Error, notice.Target));
    }

    private ProgressRecord Describe(ImportProgress progress, ProgressRecordType type) =>
        new(1, $"Importing customers into task {TaskId}",
            $"{progress.Read} read, {progress.Sent} sent, {progress.Accepted} accepted, {progress.NotAccepted} not accepted ({progress.RowsPerSecond:0} rows/s)")
        {
            RecordType = type,
        };
}
