using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using RestSharp;

namespace OutboundPS.IFlytek;

/// <summary>The files of pushes yeta could not deliver (docs/vendors/iflytek.md#downloadv1pushfailed).</summary>
internal sealed partial class IFlytekClient : IFailedPushReads
{
    internal const string FailedPushesPath = "download/v1/push/failed";

    /// <summary>Where the listed paths live, from the host's root (www.xfyeta.com/push_download/), whatever the API prefix.</summary>
    internal const string DownloadFolder = "push_download/";

    public async Task<IReadOnlyList<Uri>> GetFailedPushFilesAsync(DateTime date, CancellationToken cancellationToken)
    {
        var body = new IFlytekFailedPushQuery { Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        var result = await PostAsync<IFlytekFailedPushFiles>(FailedPushesPath, "push/failed", body, cancellationToken).ConfigureAwait(false);
        var root = new Uri(new Uri(_transport.BaseUri.GetLeftPart(UriPartial.Authority) + "/"), DownloadFolder);
        return (result?.Url ?? Array.Empty<string>()).Where(path => !string.IsNullOrWhiteSpace(path))
            .Select(path => Uri.TryCreate(path, UriKind.Absolute, out var absolute) ? absolute : new Uri(root, path.TrimStart('/'))).ToArray();
    }

    /// <summary>A plain GET: the listing gives the address, and the doc asks for no token on it, so none is sent.</summary>
    public async Task<byte[]> DownloadAsync(Uri file, CancellationToken cancellationToken)
    {
        var raw = await _readRetry.ExecuteAsync(token => new ValueTask<Http.RawResponse>(
            _transport.SendAsync(new RestRequest(file, Method.Get), "push_download", token)), cancellationToken).ConfigureAwait(false);
        return raw.StatusCode == 200
            ? raw.Body
            : throw OutboundErrors.UnreadableAnswer(Vendor, "push_download", raw.StatusCode, raw.Preview());
    }
}

internal sealed class IFlytekFailedPushQuery
{
    [JsonPropertyName("date")] public string? Date { get; set; }
}

internal sealed class IFlytekFailedPushFiles
{
    [JsonPropertyName("url")] public string[]? Url { get; set; }
}
