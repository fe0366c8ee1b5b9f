using System;

namespace OutboundPS;

/// <summary>
/// A connection to one vendor account. Its client, which holds the secrets in memory only, is kept beside it by
/// Sessions/SessionConnections, so that this public shape depends on nothing but the model.
/// </summary>
public sealed class OutboundSession
{
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

    /// <summary>
    /// The session of a task read from a push rather than through a connection: it names the vendor (and the company a
    /// BYRobot push came from) but holds no client, is never registered, and is never connected. Commands given such a
    /// task act in -Session or the default session, as for a bare id (SessionRegistry.Resolve).
    /// </summary>
    internal static OutboundSession Detached(OutboundVendor vendor, Uri baseUri, string? companyId) =>
        new($"{vendor} push", vendor, baseUri, string.Empty, companyId, isSandbox: false) { IsDetached = true };

    /// <summary>True for the session of a task read from a push (<see cref="Detached"/>).</summary>
    internal bool IsDetached { get; private set; }

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

    /// <summary>The push bodies the in-process sandbox made for a task (by task id), where its vendor reports results only by push.</summary>
    internal Func<string, System.Collections.Generic.IReadOnlyList<string>>? SandboxPushes { get; set; }

    /// <summary>False once Disconnect-Outbound has dropped it.</summary>
    public bool IsConnected { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Vendor}{(IsSandbox ? ", sandbox" : string.Empty)})";
}
