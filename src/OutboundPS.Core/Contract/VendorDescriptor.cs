using System;
using System.Collections.Generic;
using System.Security;
using OutboundPS.Http;

namespace OutboundPS.Contract;

/// <summary>
/// One vendor, declared in one place inside its folder: everything the cmdlets, the session connector, the transport
/// and the import engine need to know of it besides its client. VendorCatalog finds every descriptor, so adding a vendor
/// edits nothing outside its folder (docs/design.md#adding-a-vendor).
/// </summary>
internal abstract class VendorDescriptor
{
    private static readonly IReadOnlyDictionary<VendorOperation, string> NoMissingOperations = new Dictionary<VendorOperation, string>();
    private static readonly IReadOnlyDictionary<TaskOption, string> NoRefusedTaskOptions = new Dictionary<TaskOption, string>();
    private static readonly IReadOnlyDictionary<CallOption, string> NoRefusedCallOptions = new Dictionary<CallOption, string>();

    /// <summary>The key Connect-Outbound -Vendor takes, and that every object and error id carries.</summary>
    internal abstract OutboundVendor Vendor { get; }

    /// <summary>The vendor's name as messages give it.</summary>
    internal abstract string DisplayName { get; }

    /// <summary>Where requests go unless -BaseUri says otherwise.</summary>
    internal abstract Uri DefaultBaseUri { get; }

    /// <summary>Whether an app key may operate several companies, one of which Connect-Outbound -CompanyId picks.</summary>
    internal virtual bool HasCompanies => false;

    /// <summary>Query parameters whose values never reach a log line or an error (tokens, signatures, secrets).</summary>
    internal abstract IReadOnlyCollection<string> SecretNames { get; }

    /// <summary>Batch sizes, recall range and page sizes.</summary>
    internal abstract VendorLimits Limits { get; }

    /// <summary>What every customer row must satisfy.</summary>
    internal abstract CustomerRules CustomerRules { get; }

    /// <summary>The capability table: operations the vendor lacks, each with what to do instead.</summary>
    internal virtual IReadOnlyDictionary<VendorOperation, string> MissingOperations => NoMissingOperations;

    /// <summary>Optional New-OutboundTask parameters the vendor does not take, each with what to do instead.</summary>
    internal virtual IReadOnlyDictionary<TaskOption, string> RefusedTaskOptions => NoRefusedTaskOptions;

    /// <summary>Optional Invoke-OutboundCall parameters the vendor does not take, each with what to do instead.</summary>
    internal virtual IReadOnlyDictionary<CallOption, string> RefusedCallOptions => NoRefusedCallOptions;

    /// <summary>The address to use for -BaseUri (or the default): it ends with '/', so paths are added to it.</summary>
    internal virtual Uri NormalizeBaseUri(Uri uri) =>
        uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");

    /// <summary>Reads the pushes (callbacks) the vendor sends; null for a vendor whose pushes OutboundPS does not read.</summary>
    internal virtual IPushReader? PushReader => null;

    /// <summary>The vendor's client for a session; the secret is the caller's to keep.</summary>
    internal abstract IVendorClient CreateClient(OutboundSession session, SecureString appSecret, TransportOptions options, Func<DateTimeOffset>? clock);
}
