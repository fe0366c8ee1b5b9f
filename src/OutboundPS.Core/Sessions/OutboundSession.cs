using System;
using OutboundPS.Vendors;

namespace OutboundPS;

/// <summary>A connection to one vendor account. Holds its secrets in memory only.</summary>
public sealed class OutboundSession
{
    private IOutboundClient? _client;

    internal OutboundSession(string name, OutboundVendor vendor, Uri baseUri, string appKey, string? companyId, bool isSandbox)
    {
        Name = name;
        Vendor = vendor;
        BaseUri = baseUri;
        AppKey = appKey;
        CompanyId = companyId;
        IsSandbox = isSandbox;
        ConnectedAt = DateTimeOffset.Now;
    }

    /// <summary>The session's name; -Session accepts it.</summary>
    public string Name { get; }

    /// <summary>The platform.</summary>
    public OutboundVendor Vendor { get; }

    /// <summary>The endpoint requests go to.</summary>
    public Uri BaseUri { get; }

    /// <summary>The application key (an identifier, not a secret).</summary>
    public string AppKey { get; }

    /// <summary>BYRobot default company id.</summary>
    public string? CompanyId { get; internal set; }

    /// <summary>True when connected to the in-process simulator.</summary>
    public bool IsSandbox { get; }

    /// <summary>When the session was opened.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>The account of the last Import-OutboundCustomer through this session, also when it was stopped with Ctrl+C.</summary>
    public OutboundImportResult? LastImport { get; internal set; }

    /// <summary>False once Disconnect-Outbound has dropped it.</summary>
    public bool IsConnected => _client is not null;

    internal IOutboundClient Client => _client ?? throw OutboundErrors.SessionClosed(this);

    internal void Attach(IOutboundClient client) => _client = client;

    /// <summary>Forgets the client and with it every secret and token.</summary>
    internal void Close()
    {
        var client = _client;
        _client = null;
        client?.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Vendor}{(IsSandbox ? ", sandbox" : string.Empty)})";
}
