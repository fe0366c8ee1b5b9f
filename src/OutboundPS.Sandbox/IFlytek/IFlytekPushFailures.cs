using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using OutboundPS.Sandbox.Pushes;

namespace OutboundPS.Sandbox.IFlytek;

/// <summary>
/// yeta's push-failure files (docs/vendors/iflytek.md#downloadv1pushfailed): pushes that could not be delivered
/// (no push address, or 4 failed attempts) are kept by the China-time day they failed; download/v1/push/failed lists
/// a day's files (one of the last 7 days, not today), served as real zips at /push_download/.
/// </summary>
public sealed partial class IFlytekSimulator
{
    /// <summary>Where failure files are served: the host's /push_download/, outside the API prefix (https://www.xfyeta.com/push_download/ on the real host).</summary>
    public const string DownloadRoot = "/push_download/";

    /// <summary>Lines per text file inside a zip; more lines start another file.</summary>
    private const int LinesPerFile = 1000;

    private readonly List<(DateTime Day, PushMessage Message, int RetryTimes)> _failed = new();

    /// <summary>Pushes kept for the failure files so far.</summary>
    public int FailedPushCount
    {
        get
        {
            lock (Gate) return _failed.Count;
        }
    }

    /// <summary>Files its day in the failure store; retryTimes is the attempts made (0 without a push address).</summary>
    private void Failed(PushMessage message) => _failed.Add((Clock.Now.ToOffset(SandboxClock.China).Date, message, message.Attempts));

    /// <summary>
    /// Y16. No date means yesterday. A day outside the last 7 (today, the future, or older) lists nothing rather than
    /// failing: the doc says only which days are kept, not that asking for another is an error.
    /// </summary>
    private SimulatedResponse FailedPushes(JsonObject body)
    {
        var today = Clock.Now.ToOffset(SandboxClock.China).Date;
        var day = today.AddDays(-1);
        if (body["date"] is not null)
        {
            if (!DateTime.TryParseExact(body.Text("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
                return Fail(10005, "输入参数不正确: date 格式为 yyyy-MM-dd");
        }

        var urls = Kept(day, today)
            ? _failed.Where(f => f.Day == day).Select(f => f.Message.Module).Distinct().OrderBy(m => m, StringComparer.Ordinal).Select(m => FilePath(day, m))
            : Enumerable.Empty<string>();
        return Success(new JsonObject { ["url"] = Strings(urls) });
    }

    /// <summary>GET /push_download/{path}: the zip of one day and module, or the web server's 404.</summary>
    private SimulatedResponse Download(string relative)
    {
        var today = Clock.Now.ToOffset(SandboxClock.China).Date;
        var parts = relative.Split('/');
        if (parts.Length != 3 || parts[0] != BusinessId
            || !DateTime.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || !Kept(day, today))
            return NotFound();
        var module = parts[2].EndsWith("_" + parts[1] + ".zip", StringComparison.Ordinal) ? parts[2].Substring(0, parts[2].Length - parts[1].Length - 5) : null;
        var lines = _failed.Where(f => f.Day == day && f.Message.Module == module).Select(Line).ToList();
        return lines.Count == 0 ? NotFound() : new SimulatedResponse(200, Zip(day, module!, lines), "application/zip");
    }

    /// <summary>The last 7 days before today.</summary>
    private static bool Kept(DateTime day, DateTime today) => day < today && day >= today.AddDays(-7);

    private static string FilePath(DateTime day, string module)
    {
        var stamp = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return $"{BusinessId}/{stamp}/{module}_{stamp}.zip";
    }

    /// <summary>One line of a failure file: {data, module, retryTimes, timestamp}, data being the push body itself.</summary>
    private static string Line((DateTime Day, PushMessage Message, int RetryTimes) failed) =>
        "{\"data\":" + failed.Message.Body + ",\"module\":\"" + failed.Message.Module + "\",\"retryTimes\":"
        + failed.RetryTimes.ToString(CultureInfo.InvariantCulture) + ",\"timestamp\":"
        + failed.Message.Created.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "}";

    /// <summary>A real zip whose text files sit in a folder per day and module: {yyyyMMdd}/{module}/part-0001.txt.</summary>
    private static byte[] Zip(DateTime day, string module, List<string> lines)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var part = 0; part * LinesPerFile < lines.Count; part++)
            {
                var entry = zip.CreateEntry(day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "/" + module + "/part-"
                    + (part + 1).ToString("0000", CultureInfo.InvariantCulture) + ".txt");
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                for (var i = part * LinesPerFile; i < Math.Min(lines.Count, (part + 1) * LinesPerFile); i++)
                {
                    writer.Write(lines[i]);
                    writer.Write('\n');
                }
            }
        }

        return buffer.ToArray();
    }
}
