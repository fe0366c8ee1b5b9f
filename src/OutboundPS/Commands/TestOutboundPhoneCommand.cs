using System;
using System.Management.Automation;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Import;

namespace OutboundPS.Commands;

/// <summary>
/// Checks phone numbers before any money is spent: what each is (mobile, landline, service number, unassigned range),
/// whether an import would dial it, and where it is. Needs no session; one object per input.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "OutboundPhone")]
[OutputType(typeof(OutboundPhoneCheck))]
public sealed class TestOutboundPhoneCommand : OutboundCmdlet
{
    private readonly NotePropertyPositions _columnPositions = new();
    private PhoneListCheck _check = null!;

    /// <summary>Phone texts, or rows (Import-Csv, hashtables, call records) whose phone column is checked.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    public PSObject?[] InputObject { get; set; } = Array.Empty<PSObject?>();

    /// <summary>The phone column of piped rows, when it is not one of the names Import-OutboundCustomer recognizes.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PhoneProperty { get; set; }

    /// <summary>Count numbers in ranges libphonenumber's metadata does not list as valid (newly assigned ranges).</summary>
    [Parameter]
    public SwitchParameter AllowUnassignedRange { get; set; }

    /// <summary>The language of Region: Chinese (北京市) or English (Beijing).</summary>
    [Parameter]
    [ValidateSet("Chinese", "English")]
    public string RegionLanguage { get; set; } = "Chinese";

    /// <inheritdoc />
    protected override void BeginProcessing() => _check = new PhoneListCheck(PhoneProperty, AllowUnassignedRange, RegionLanguage);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var input in InputObject)
        {
            var value = input?.BaseObject;
            if (value is null || value is string || value.GetType().IsPrimitive || value is decimal)
                WriteObject(_check.Text(value, value is IFormattable number ? number.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString()));
            else
                WriteObject(Validate(() => _check.Row(input!, PSObjectInputRow.From(input!, _columnPositions)), input));
        }
    }
}
