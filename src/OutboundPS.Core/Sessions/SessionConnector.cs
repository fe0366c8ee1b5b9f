using System;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Diagnostics;
using OutboundPS.Http;

namespace OutboundPS.Sessions;

/// <summary>
/// Opens a session: finds the vendor's descriptor, builds its client behind the descriptor's guard, proves the
/// credentials and registers the session as its scope's default. It names no vendor (docs/design.md#adding-a-vendor).
/// </summary>
internal static class SessionConnector
{
    internal static async Task<OutboundSession> ConnectAsync(ConnectRequest request, SessionRegistry registry, CancellationToken cancellationToken)
    {
        var descriptor = VendorCatalog.Find(request.Vendor);
        ValidateBaseUri(request.BaseUri);
        ValidateProxy(request);
        if (request.CompanyId is not null && !descriptor.HasCompanies)
            throw OutboundErrors.ParameterNotSupported(descriptor.Vendor, "CompanyId", $"{descriptor.DisplayName} accounts have no companies; omit it.");
        var options = new TransportOptions
        {
            BaseUri = descriptor.NormalizeBaseUri(request.BaseUri ?? descriptor.DefaultBaseUri),
            Handler = request.SandboxHandler,
            SecretNames = descriptor.SecretNames,
        };
        if (request.Timeout is { } timeout) options.Timeout = timeout;
        if (request.RetryDelay is { } delay) options.RetryDelay = delay;
        if (request.MaxRetries is { } retries) options.MaxRetries = retries;
        if (request.RetryTime is { } time) options.Time = time;
        options.Proxy = request.Proxy;
        options.ProxyCredential = request.ProxyCredential;

        var session = new OutboundSession(request.Name ?? registry.NextName(descriptor.Vendor), descriptor.Vendor, options.BaseUri,
            request.AppKey, request.CompanyId, request.SandboxHandler is not null) { SandboxPushes = request.SandboxPushes };
        var client = new GuardedClient(descriptor, descriptor.CreateClient(session, request.AppSecret, options, request.Clock));
        SessionConnections.Attach(session, client);
        try
        {
            await client.ValidateCredentialsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            SessionConnections.Close(session);
            throw;
        }

        registry.Add(session);
        OperationLog.Verbose($"Connected to {session.Vendor} at {session.BaseUri} as session '{session.Name}'.");
        return session;
    }

    private static void ValidateProxy(ConnectRequest request)
    {
        if (request.ProxyCredential is not null && request.Proxy is null)
            throw OutboundErrors.InvalidArgument("ProxyCredential", "(credential)", "applies to the proxy given with -Proxy, and none was given.",
                "Pass the proxy's address to -Proxy too; without -Proxy the system proxy is used as the system configures it.");
        if (request.Proxy is not { } proxy) return;
        // A user name and password inside the address would be shown wherever the address is: they belong in -ProxyCredential.
        if (!proxy.IsAbsoluteUri || (proxy.Scheme != Uri.UriSchemeHttp && proxy.Scheme != Uri.UriSchemeHttps) || proxy.UserInfo.Length > 0)
            throw OutboundErrors.InvalidArgument("Proxy", proxy.IsAbsoluteUri && proxy.UserInfo.Length > 0 ? "(address with credentials)" : proxy,
                "is not an absolute http or https proxy address without a user name or password.",
                "Pass the proxy as http://host:port and its user name and password with -ProxyCredential.");
    }

    private static void ValidateBaseUri(Uri? uri)
    {
        if (uri is null) return;
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw OutboundErrors.InvalidArgument("BaseUri", uri, "is not an absolute http or https address.",
                "Pass the vendor's base address, for example https://www.xfyeta.com/openapi/.");
    }
}
