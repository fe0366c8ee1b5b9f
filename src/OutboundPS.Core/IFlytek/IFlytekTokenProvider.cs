using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Diagnostics;
using OutboundPS.Http;
using RestSharp;

namespace OutboundPS.IFlytek;

/// <summary>
/// Obtains and caches the yeta token (docs/vendors/iflytek.md#token-renewal), renewing it before it expires so that
/// long imports never see it lapse. Safe to share between concurrent batches.
/// </summary>
internal sealed class IFlytekTokenProvider : IDisposable
{
    internal const string TokenPath = "oauth/v1/token";

    private readonly VendorTransport _transport;
    private readonly string _appKey;
    private readonly SecureString _appSecret;
    private readonly Func<DateTimeOffset> _now;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    internal IFlytekTokenProvider(VendorTransport transport, string appKey, SecureString appSecret, Func<DateTimeOffset> now)
    {
        _transport = transport;
        _appKey = appKey;
        // A copy: the caller's SecureString (a PSCredential's password) stays theirs to keep or dispose.
        _appSecret = appSecret.Copy();
        _now = now;
    }

    internal async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var token = _token;
        if (token is not null && _now() < _renewAt) return token;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && _now() < _renewAt) return _token;
            return await RequestAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets a token the vendor refused (10001), unless another caller already replaced it.</summary>
    internal void Invalidate(string refusedToken) => Interlocked.CompareExchange(ref _token, null, refusedToken);

    private async Task<string> RequestAsync(CancellationToken cancellationToken)
    {
        var request = new RestRequest(TokenPath, Method.Post)
            .AddUtf8Json(JsonRequestBody.Serialize(new IFlytekTokenRequest { AppKey = _appKey, AppSecret = SecretText.Reveal(_appSecret) }));
        var raw = await _transport.SendAsync(request, "oauth/token", cancellationToken).ConfigureAwait(false);
        var result = IFlytekEnvelopeReader.Read<IFlytekTokenResult>(raw, "oauth/token");
        if (string.IsNullOrEmpty(result.Token))
            throw OutboundErrors.UnreadableAnswer(IFlytekVendor.Id, "oauth/token", raw.StatusCode, "(no token in the answer)");
        var lifetime = TimeSpan.FromSeconds(result.TimeExpire is > 0 ? result.TimeExpire.Value : 3600);
        // Renew with a margin (a tenth of the lifetime, at most five minutes) so in-flight requests never carry a lapsed token.
        var margin = TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 10, TimeSpan.FromMinutes(5).Ticks));
        _renewAt = _now() + lifetime - margin;
        _token = result.Token;
        OperationLog.Verbose($"Obtained an iFlytek token valid for {lifetime.TotalSeconds:0} s; renewing it after {_renewAt:HH:mm:ss}.");
        return result.Token!;
    }

    public void Dispose()
    {
        _token = null;
        _appSecret.Dispose();
        _gate.Dispose();
    }
}
