using System;
using System.Collections;
using System.Management.Automation;
using OutboundPS.Sessions;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Import;

namespace OutboundPS.Commands;

/// <summary>Places calls to a few numbers now (iFlytek task/callout; BYRobot single-call endpoints).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "OutboundCall", SupportsShouldProcess = true, DefaultParameterSetName = PhoneSet)]
[OutputType(typeof(OutboundCallResult))]
public sealed class InvokeOutboundCallCommand : OutboundCmdlet
{
    private const string PhoneSet = "Phone";
    private const string PipelineSet = "InputObject";
    private readonly CallRows _rows = new();
    private readonly NotePropertyPositions _columnPositions = new();
    private DoNotCallList? _doNotCall;

    /// <summary>Numbers to call.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PhoneSet)]
    [ValidateNotNullOrEmpty]
    public string[] Phone { get; set; } = Array.Empty<string>();

    /// <summary>Customer name, for every number given with -Phone.</summary>
    [Parameter(ParameterSetName = PhoneSet)]
    public string? Name { get; set; }

    /// <summary>Script variables for every number given with -Phone.</summary>
    [Parameter(ParameterSetName = PhoneSet)]
    public Hashtable? Variable { get; set; }

    /// <summary>Customers from the pipeline, read like Import-OutboundCustomer's input.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipelineSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>The phone column of piped objects.</summary>
    [Parameter(ParameterSetName = PipelineSet)]
    public string? PhoneProperty { get; set; }

    /// <summary>The name column of piped objects.</summary>
    [Parameter(ParameterSetName = PipelineSet)]
    public string? NameProperty { get; set; }

    /// <summary>Robot id.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(RobotIdCompleter))]
    public string RobotId { get; set; } = string.Empty;

    /// <summary>Caller line id (iFlytek).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(LineCompleter))]
    public string? Line { get; set; }

    /// <summary>TTS voice code (iFlytek).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(VoiceCompleter))]
    public string? Voice { get; set; }

    /// <summary>BYRobot CRM customer id (uses task/call).</summary>
    [Parameter]
    public string? CustomerId { get; set; }

    /// <summary>BYRobot scene id.</summary>
    [Parameter]
    public string? SceneId { get; set; }

    /// <summary>BYRobot recording id.</summary>
    [Parameter]
    public string? SceneRecordId { get; set; }

    /// <summary>Call numbers in ranges libphonenumber's metadata does not list (newly assigned ranges).</summary>
    [Parameter]
    public SwitchParameter AllowUnassignedRange { get; set; }

    /// <summary>Numbers never to call: each is returned not accepted, with the code DoNotCall, however it is written.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludePhone { get; set; }

    /// <summary>Files of numbers never to call: one number a line, or a .csv file whose phone column is found like the input's.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludePhonePath { get; set; }

    /// <summary>The session; the newest when omitted.</summary>
    [Parameter]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _doNotCall = ReadDoNotCallList(ExcludePhone, ExcludePhonePath);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == PipelineSet)
        {
            if (InputObject is not null) _rows.Add(PSObjectInputRow.From(InputObject, _columnPositions), InputObject);
            return;
        }

        foreach (var phone in Phone) _rows.Add(phone, Name, Variable);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_rows.Count == 0) return;
        var session = UseSession(Session);
        var piped = ParameterSetName == PipelineSet;
        var notCalled = new System.Collections.Generic.List<OutboundCallResult>();
        var spec = Validate(() => _rows.Read(RobotId, piped ? PhoneProperty : null, piped ? NameProperty : null, session.Client.Descriptor.CustomerRules.WithUnassignedRange(AllowUnassignedRange),
            (error, target) => WriteError(ErrorRecords.From(error, target)), _doNotCall,
            (phone, name) => notCalled.Add(DoNotCallList.NotCalled(session.Vendor, phone, name))), RobotId);
        // Decided here, with nothing sent: written first, under -WhatIf too, so every number given is answered for.
        WriteObject(notCalled, enumerateCollection: true);
        if (spec.Customers.Count == 0) return;
        if (!ShouldProcess($"{CallRows.Describe(spec)} with {session.Vendor} robot {RobotId}", "Call")) return;
        spec.Line = Line;
        spec.Voice = Voice;
        spec.CustomerId = CustomerId;
        spec.SceneId = SceneId;
        spec.SceneRecordId = SceneRecordId;
        WriteObject(Run(token => session.Client.CallAsync(spec, token), RobotId), enumerateCollection: true);
    }
}
