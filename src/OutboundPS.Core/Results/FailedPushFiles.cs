using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;

namespace OutboundPS.Results;

/// <summary>
/// The lines of one day's failed-push files (iFlytek download/v1/push/failed), a file at a time: each file is a zip,
/// possibly with folders, of text files holding one JSON object per line {data, module, retryTimes, timestamp}.
/// </summary>
internal sealed class FailedPushFiles
{
    /// <summary>How far back the vendor keeps the files (docs/vendors/iflytek.md#downloadv1pushfailed): the last 7 days, not today.</summary>
    internal const int DaysKept = 7;

    private readonly IOutboundClient _client;
    private readonly DateTime _date;
    private Queue<Uri>? _files;

    private FailedPushFiles(IOutboundClient client, DateTime date)
    {
        _client = client;
        _date = date;
    }

    /// <summary>Checks the day before anything is sent: the vendor keeps only the last 7 days, and not today.</summary>
    internal static FailedPushFiles Of(IOutboundClient client, DateTime date, DateTime today)
    {
        if (date >= today || date < today.AddDays(-DaysKept))
            throw OutboundErrors.InvalidArgument("FailedPushDate", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                $"{client.Descriptor.DisplayName} keeps the files of failed pushes for the last {DaysKept} days, not today (China time: {today:yyyy-MM-dd}).",
                $"Pass a day from {today.AddDays(-DaysKept):yyyy-MM-dd} to {today.AddDays(-1):yyyy-MM-dd}.");
        return new FailedPushFiles(client, date);
    }

    /// <summary>The lines of the next file, or null when every file has been read.</summary>
    internal async Task<IReadOnlyList<string>?> NextAsync(CancellationToken cancellationToken)
    {
        _files ??= new Queue<Uri>(await _client.GetFailedPushFilesAsync(_date, cancellationToken).ConfigureAwait(false));
        if (_files.Count == 0) return null;
        var zip = await _client.DownloadAsync(_files.Dequeue(), cancellationToken).ConfigureAwait(false);
        return Lines(zip);
    }

    private static IReadOnlyList<string> Lines(byte[] zip)
    {
        var lines = new List<string>();
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        foreach (var entry in archive.Entries)
        {
            // Folders are entries whose name is empty.
            if (entry.Name.Length == 0) continue;
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
                if (!string.IsNullOrWhiteSpace(line)) lines.Add(line);
        }

        return lines;
    }
}
