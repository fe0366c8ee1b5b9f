using System;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.ByRobot;
using OutboundPS.Http;
using OutboundPS.IFlytek;
using OutboundPS.Vendors;

namespace OutboundPS.Sessions;

/// <summary>Opens a session: builds the vendor's client, proves the credentials, registers it as its scope's default.</summary>
internal static class SessionConnector
{
    /// <summary>
    /// yeta serves its API under openapi/ (vendor-api.md 1.2.1), and the iFlytek mirror under another prefix
    /// (https://callapi.xfyun.cn/v1/service/v1/aicall/): the prefix belongs to the base address, not to each path.
    /// </summary>
    internal static readonly Uri IFlytekDefaultUri = new("https://www.xfyeta.com/openapi/");

    /// <summary>The documented address is plain http (vendor-api.md B-2); -BaseUri https://api.byrobot.cn/ where it works.</summary>
    internal static readonly Uri ByRobotDefaultUri = new("http://api.byrobot.cn/");

    internal static async Task<OutboundSession> ConnectAsync(ConnectRequest request, SessionRegistry registry, CancellationToken cancellationToken)
    {
        ValidateBaseUri(request.BaseUri);
        var options = new TransportOptions
        {
            BaseUri = Normalize(request.Vendor, request.BaseUri ?? DefaultUri(request.Vendor)),
            Handler = request.SandboxHandler,
        };
        if (request.Timeout is { } timeout) options.Timeout = timeout;
        if (request.RetryDelay is { } delay) options.RetryDelay = delay;

        var session = new OutboundSession(request.Name ?? registry.NextName(request.Vendor), request.Vendor, options.BaseUri,
            request.AppKey, request.CompanyId, request.SandboxHandler is not null);
        session.Attach(CreateClient(session, request, options));
        try
        {
            await session.Client.ValidateCredentialsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            session.Close();
            throw;
        }

        registry.Add(session);
        OperationLog.Verbose($"Connected to {session.Vendor} at {session.BaseUri} as session '{session.Name}'.");
        return session;
    }

    private static IOutboundClient CreateClient(OutboundSession session, ConnectRequest request, TransportOptions options) =>
        request.Vendor switch
        {
            OutboundVendor.IFlytek => new IFlytekClient(session, request.AppSecret, options, request.Clock),
            _ => new ByRobotClient(session, request.AppSecret, options, request.Clock),
        };

    private static Uri DefaultUri(OutboundVendor vendor) => vendor == OutboundVendor.IFlytek ? IFlytekDefaultUri : ByRobotDefaultUri;

    /// <summary>
    /// A base address ends with '/', so that paths are added to it rather than replacing its last segment; a bare
    /// yeta host (https://host/) means the documented layout, https://host/openapi/.
    /// </summary>
    private static Uri Normalize(OutboundVendor vendor, Uri uri)
    {
        var text = uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri.AbsoluteUri : uri.AbsoluteUri + "/";
        if (vendor == OutboundVendor.IFlytek && new Uri(text).AbsolutePath == "/") text += "openapi/";
        return new Uri(text);
    }

    private static void ValidateBaseUri(Uri? uri)
    {
        if (uri is null) return;
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw OutboundErrors.InvalidArgument("BaseUri", uri, "is not an absolute http or https address.",
                "Pass the vendor's base address, for example https://www.xfyeta.com/.");
    }
}
