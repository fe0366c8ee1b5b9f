using System;
using System.Management.Automation;
using System.Text;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Contract;
using OutboundPS.Push;

namespace OutboundPS.Commands;

/// <summary>
/// Turns the bodies vendors push (BYRobot callbacks, yeta pushes) into call records and tasks. BYRobot records are
/// written as each body is read; the parts of a yeta call are merged by call_uuid and written once complete, or at the end.
/// </summary>
[Cmdlet(VerbsData.ConvertFrom, "OutboundPush")]
[OutputType(typeof(OutboundCallRecord), typeof(OutboundTask))]
public sealed class ConvertFromOutboundPushCommand : OutboundCmdlet
{
    private PushBatch? _batch;

    /// <summary>A push body: its text, its UTF-8 bytes, or the object an HTTP trigger parsed it into.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    public PSObject? InputObject { get; set; }

    /// <summary>The base of yeta's relative recording paths; http://voice.kxjlcc.com:9000/ when omitted.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? RecordingBaseUri { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _batch = new PushBatch(Validate(() => PushOptions.CheckRecordingBase(RecordingBaseUri), RecordingBaseUri));
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string? text = null;
        try
        {
            text = InputObject?.BaseObject switch
            {
                null => null,
                string body => body,
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                _ => PushJsonWriter.Write(PushInputGraph.From(InputObject)),
            };
            WriteObject(_batch!.Add(text), enumerateCollection: true);
        }
        catch (OutboundException error)
        {
            WriteError(ErrorRecords.From(error, PushPreview.ErrorTarget(InputObject, text)));
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing() => WriteObject(_batch!.Complete(), enumerateCollection: true);
}
