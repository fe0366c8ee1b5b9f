using System;
using System.IO;
using System.Management.Automation;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Contract;
using OutboundPS.Receiving;

namespace OutboundPS.Commands;

/// <summary>
/// Listens for the pushes vendors send (BYRobot callbacks, yeta pushes), stores each before acknowledging it, and writes
/// call records and tasks as they arrive, until -Timeout, -Count or Ctrl+C.
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "OutboundPush", DefaultParameterSetName = PortSet)]
[OutputType(typeof(OutboundCallRecord), typeof(OutboundTask))]
public sealed class ReceiveOutboundPushCommand : OutboundCmdlet
{
    private const string PortSet = "Port";
    private const string PrefixSet = "Prefix";

    /// <summary>The TCP port to listen on, on every address, under a new random path token (http://+:port/&lt;token&gt;/).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PortSet)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; }

    /// <summary>The full prefix to listen on, in HttpListener's form, such as http://localhost:8080/outbound/.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PrefixSet)]
    [ValidateNotNullOrEmpty]
    public string Prefix { get; set; } = string.Empty;

    /// <summary>
    /// The addresses admitted: IP addresses, CIDR ranges, ByRobot (BYRobot's documented sender), Loopback or Any. Without
    /// it only this machine is admitted. Any other peer gets 403.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? AllowedAddress { get; set; }

    /// <summary>The file each push is appended to, one JSON line, before it is acknowledged.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Stop listening after this long.</summary>
    [Parameter]
    public TimeSpan? Timeout { get; set; }

    /// <summary>Stop after writing this many objects.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Count { get; set; }

    /// <summary>The base of yeta's relative recording paths; http://voice.kxjlcc.com:9000/ when omitted.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? RecordingBaseUri { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var prefix = ParameterSetName == PrefixSet ? Prefix : ListenPrefix.ForPort(Port);
        // A number given to a TimeSpan parameter binds as ticks: -Timeout 30 would be 3 microseconds.
        if (Timeout is { } limit && limit < TimeSpan.FromSeconds(1))
            Fail(OutboundErrors.InvalidArgument("Timeout", limit, "is shorter than a second.",
                "Give a time span such as '00:10:00' or (New-TimeSpan -Minutes 10); a bare number is read as ticks."), limit);
        var recordingBase = Validate(() => PushOptions.CheckRecordingBase(RecordingBaseUri), RecordingBaseUri);
        // Checked before anything listens.
        var allowed = AllowedAddress is null ? null : Validate(() => AllowedPeers.Parse(AllowedAddress), AllowedAddress);

        var options = new PushReceiverOptions(prefix)
        {
            Path = Path is null ? null : ResolveFile(Path),
            Count = Count,
            Timeout = Timeout,
            RecordingBaseUri = recordingBase,
            AllowedPeers = allowed,
        };
        var receiver = new PushReceiver(options);
        Run(token => receiver.RunAsync(item => OnPipelineThread(() => WriteObject(item)), token,
            line => OnPipelineThread(() => AnnounceAddress(line))), ParameterSetName == PrefixSet ? Prefix : Port);
    }

    /// <summary>
    /// The address to configure at the vendor, shown at the start like Write-Host (the user cannot go on without it; it
    /// holds the path token) and kept in the information stream, tagged, for -InformationVariable or 6&gt;.
    /// </summary>
    private void AnnounceAddress(string line) =>
        WriteInformation(new HostInformationMessage { Message = line }, new[] { "PSHOST", "OutboundPS", "OutboundPS.PushAddress" });

    private string ResolveFile(string path)
    {
        var full = GetUnresolvedProviderPathFromPSPath(path);
        // Like Out-File, no folder is made: a mistyped folder should not quietly collect the pushes.
        if (System.IO.Path.GetDirectoryName(full) is { Length: > 0 } folder && !Directory.Exists(folder))
            Fail(OutboundErrors.PushFileUnusable(full, $"the folder '{folder}' does not exist."), path);
        return full;
    }
}
