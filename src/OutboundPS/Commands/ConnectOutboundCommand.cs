using System;
using System.Management.Automation;
using System.Security;
using OutboundPS.Contract;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Sandbox;
using OutboundPS.Sessions;

namespace OutboundPS.Commands;

/// <summary>Connects to a vendor account (or its sandbox) and makes it the default session.</summary>
[Cmdlet(VerbsCommunications.Connect, "Outbound", DefaultParameterSetName = SandboxSet)]
[OutputType(typeof(OutboundSession))]
public sealed class ConnectOutboundCommand : OutboundCmdlet
{
    private const string AppKeySet = "AppKey";
    private const string CredentialSet = "Credential";
    private const string SandboxSet = "Sandbox";

    /// <summary>The platform, by key (IFlytek, ByRobot); tab completion lists the vendors OutboundPS speaks.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(VendorCompleter))]
    public OutboundVendor Vendor { get; set; } = null!;

    /// <summary>The application key.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AppKeySet)]
    [ValidateNotNullOrEmpty]
    public string AppKey { get; set; } = string.Empty;

    /// <summary>The application secret.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AppKeySet)]
    public SecureString AppSecret { get; set; } = new();

    /// <summary>User name = app key, password = app secret (what Get-AutomationPSCredential returns).</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    /// <summary>Connects to the in-process simulator: no secrets, nothing dialled.</summary>
    /// <remarks>
    /// In every set, so that -Sandbox:$false beside credentials binds and connects to the account as leaving it out
    /// does. The sandbox set, which has no parameter of its own, is the default: -Sandbox alone lands there, and so
    /// does a call with no credentials, which is then refused with what to give.
    /// </remarks>
    [Parameter]
    public SwitchParameter Sandbox { get; set; }

    /// <summary>BYRobot default company id.</summary>
    [Parameter]
    public string? CompanyId { get; set; }

    /// <summary>Another endpoint: a private deployment or a simulator over HTTP.</summary>
    [Parameter(ParameterSetName = AppKeySet)]
    [Parameter(ParameterSetName = CredentialSet)]
    public Uri? BaseUri { get; set; }

    /// <summary>A proxy to send every request through, instead of the system proxy.</summary>
    [Parameter(ParameterSetName = AppKeySet)]
    [Parameter(ParameterSetName = CredentialSet)]
    public Uri? Proxy { get; set; }

    /// <summary>The user name and password the -Proxy asks for (HTTP 407).</summary>
    [Parameter(ParameterSetName = AppKeySet)]
    [Parameter(ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>Seconds each request may take before it is abandoned (default 100).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; }

    /// <summary>Retries of a request the vendor provably did not apply (default 4); 0 makes one attempt only.</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int MaximumRetryCount { get; set; }

    /// <summary>The session's name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Returns the session.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        // An unknown vendor is refused (listing the known ones) before any simulator or client is made for it.
        var vendor = Validate(() => VendorCatalog.Find(Vendor), Vendor).Vendor;
        if (Sandbox && ParameterSetName != SandboxSet)
            Fail(OutboundErrors.SandboxWithCredentials(ParameterSetName == CredentialSet ? "-Credential" : "-AppKey and -AppSecret"), Sandbox);
        if (!Sandbox && ParameterSetName == SandboxSet) Fail(OutboundErrors.NoCredentials(), Sandbox);
        var request = ParameterSetName switch
        {
            SandboxSet => new ConnectRequest(vendor, SandboxBackends.AppKey, SecretText.Protect(SandboxBackends.AppSecret))
            {
                SandboxHandler = SandboxBackends.CreateHandler(vendor.Key),
                SandboxPushes = taskId => SandboxBackends.KeptPushesOf(vendor.Key, taskId) ?? System.Array.Empty<string>(),
            },
            CredentialSet => new ConnectRequest(vendor, Credential.UserName, Credential.Password),
            _ => new ConnectRequest(vendor, AppKey, AppSecret),
        };
        request.Name = Name;
        request.CompanyId = CompanyId;
        request.BaseUri = BaseUri;
        request.Proxy = Proxy;
        request.ProxyCredential = ProxyCredential?.GetNetworkCredential();
        if (MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec))) request.Timeout = System.TimeSpan.FromSeconds(TimeoutSec);
        if (MyInvocation.BoundParameters.ContainsKey(nameof(MaximumRetryCount))) request.MaxRetries = MaximumRetryCount;
        var session = Run(token => SessionConnector.ConnectAsync(request, Sessions, token), Vendor);
        if (PassThru) WriteObject(session);
    }
}
