using System;
using System.Globalization;
using System.Management.Automation;
using OutboundPS.Blocklists;
using OutboundPS.Commands.Infrastructure;

namespace OutboundPS.Commands;

/// <summary>
/// Adds numbers from the pipeline (strings, or rows whose phone and name columns are found as the import finds them) to
/// a blocklist group in batches, or one by one to the default group; every number is accounted for in the result.
/// </summary>
[Cmdlet(VerbsCommon.Add, "OutboundBlocklistNumber", SupportsShouldProcess = true)]
[OutputType(typeof(OutboundBlocklistResult))]
public sealed class AddOutboundBlocklistNumberCommand : BlocklistCmdlet, IDisposable
{
    private readonly NotePropertyPositions _columnPositions = new();
    private BlocklistAddition? _addition;
    private bool _declined;

    /// <summary>The numbers: phone strings, or Import-Csv rows, hashtables or objects with a phone column.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The group (an id or an OutboundBlocklist); the default group (-1, one request a number) when omitted.</summary>
    [Parameter(Position = 0)]
    [BlocklistIdTransformation]
    [ValidateNotNullOrEmpty]
    public string? ListId { get; set; }

    /// <summary>The phone column, when it is not one of the names OutboundPS recognizes.</summary>
    [Parameter]
    public string? PhoneProperty { get; set; }

    /// <summary>The name column, when it is not one of the names OutboundPS recognizes.</summary>
    [Parameter]
    public string? NameProperty { get; set; }

    /// <summary>A note stored with every number.</summary>
    [Parameter]
    public string? Remark { get; set; }

    /// <summary>Numbers a request to a named group (default 500, up to 10,000).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? BatchSize { get; set; }

    /// <summary>Adds every number and its outcome to the result's Numbers.</summary>
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
        var session = UseSession(Session);
        var lists = UseBlocklists(session);
        var target = ListId ?? lists.DefaultListId;
        _declined = !ShouldProcess($"{session.Vendor} blocklist {target}", "Add numbers");
        if (_declined) return;
        _addition = Validate(() => new BlocklistAddition(session, lists, new BlocklistAddOptions
        {
            ListId = ListId,
            PhoneProperty = PhoneProperty,
            NameProperty = NameProperty,
            Remark = Remark,
            BatchSize = BatchSize,
            KeepNumbers = PassThru,
        }), BatchSize);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (_declined || InputObject is null) return;
        var value = InputObject.BaseObject;
        try
        {
            if (value is string or int or long or decimal or double)
            {
                var text = Convert.ToString(value, CultureInfo.InvariantCulture);
                Run(token => _addition!.AddAsync(text, token), InputObject);
            }
            else
            {
                var row = PSObjectInputRow.From(InputObject, _columnPositions);
                Run(token => _addition!.AddAsync(row, token), InputObject);
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C during a batch: Dispose accounts for every number.
            throw new PipelineStoppedException();
        }

        Report();
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_declined) return;
        if (_addition!.Read == 0)
            Fail(OutboundErrors.InvalidArgument("InputObject", null, "no numbers were piped in.",
                "Pipe numbers in, for example Import-Csv dnc.csv | Add-OutboundBlocklistNumber -ListId <id>."));
        OutboundBlocklistResult result;
        try
        {
            result = Run(token => _addition.CompleteAsync(token));
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }

        Report();
        WriteVerbose($"Blocklist {result.ListId}: {result} in {result.Requests} requests.");
        WriteObject(result);
    }

    /// <summary>
    /// However the command ends before completing (Ctrl+C, an error up or down the pipeline), PowerShell disposes it: the
    /// numbers held for the next batch were never sent, and the host is told the full account, since a failed or
    /// stopping pipeline takes no more output.
    /// </summary>
    public void Dispose()
    {
        if (_addition is null || _addition.IsFinished || _addition.Read == 0) return;
        var result = _addition.Abandon(StopToken.IsCancellationRequested
            ? "Not sent: adding was stopped (Ctrl+C) before this number's batch was sent."
            : "Not sent: adding ended early (an error stopped the pipeline) before this number's batch was sent.");
        WarnHost($"Adding numbers to blocklist {result.ListId} ended early: {result}. Numbers not sent are Rejected as 'Not sent'; " +
            "add them again (a number already on the list is Added again, not repeated).");
    }

    private void Report()
    {
        while (_addition!.Notices.Count > 0)
        {
            var (error, target) = _addition.Notices.Dequeue();
            WriteError(ErrorRecords.From(error, target));
        }
    }
}
