using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Import;
using OutboundPS.Vendors;

namespace OutboundPS.Commands;

/// <summary>Places calls to a few numbers now (iFlytek task/callout; BYRobot single-call endpoints).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "OutboundCall", SupportsShouldProcess = true, DefaultParameterSetName = PhoneSet)]
[OutputType(typeof(OutboundCallResult))]
public sealed class InvokeOutboundCallCommand : OutboundCmdlet
{
    private const string PhoneSet = "Phone";
    private const string PipelineSet = "InputObject";
    private readonly List<(IInputRow Row, object Target)> _rows = new();

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
    public string RobotId { get; set; } = string.Empty;

    /// <summary>Caller line id (iFlytek).</summary>
    [Parameter]
    public string? Line { get; set; }

    /// <summary>TTS voice code (iFlytek).</summary>
    [Parameter]
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

    /// <summary>The session; the newest when omitted.</summary>
    [Parameter]
    [SessionTransformation]
    public OutboundSession? Session { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == PipelineSet)
        {
            if (InputObject is not null) _rows.Add((new PSObjectInputRow(InputObject), InputObject));
            return;
        }

        foreach (var phone in Phone)
        {
            var values = new List<KeyValuePair<string, string?>> { new("Phone", phone) };
            if (Name is not null) values.Add(new("Name", Name));
            foreach (DictionaryEntry entry in Variable ?? new Hashtable())
                values.Add(new(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty,
                    Convert.ToString(entry.Value, CultureInfo.InvariantCulture)));
            _rows.Add((new DictionaryInputRow(values), phone));
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_rows.Count == 0) return;
        var session = UseSession(Session);
        var columns = Validate(() => CustomerColumnDetector.Detect(
            _rows[0].Row.PropertyNames, ParameterSetName == PipelineSet ? PhoneProperty : null,
            ParameterSetName == PipelineSet ? NameProperty : null, null), _rows[0].Target);
        var reader = new CustomerRowReader(columns, session.Client.CustomerRules);
        var customers = new List<CustomerRow>();
        for (var i = 0; i < _rows.Count; i++)
        {
            var customer = reader.Read(_rows[i].Row, i + 1, out _, out _, out var error);
            if (customer is null) WriteError(ErrorRecords.From(error!, _rows[i].Target));
            else customers.Add(customer);
        }

        if (customers.Count == 0) return;
        var numbers = string.Join(", ", customers.Take(3).Select(c => c.Phone)) + (customers.Count > 3 ? $" and {customers.Count - 3} more" : string.Empty);
        if (!ShouldProcess($"{numbers} with {session.Vendor} robot {RobotId}", "Call")) return;
        var spec = new CallSpec(RobotId, columns, customers)
        {
            Line = Line,
            Voice = Voice,
            CustomerId = CustomerId,
            SceneId = SceneId,
            SceneRecordId = SceneRecordId,
        };
        WriteObject(Run(token => session.Client.CallAsync(spec, token), RobotId), enumerateCollection: true);
    }
}
