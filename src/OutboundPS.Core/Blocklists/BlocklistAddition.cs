using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Import;

namespace OutboundPS.Blocklists;

/// <summary>
/// Adds numbers to a blocklist, accounting for every one like an import (docs/design.md#blocklists): refused here
/// (Rejected), refused by the vendor (Failed), on the list (Added), or unknowable (Unknown). Numbers are read by the
/// import's rules and columns; a named group gets them in batches, the default group one request a number.
/// </summary>
internal sealed class BlocklistAddition
{
    private readonly IBlocklists _lists;
    private readonly BlocklistAddOptions _options;
    private readonly OutboundBlocklistResult _result;
    private readonly List<OutboundBlocklistEntry> _kept = new();
    private readonly List<(OutboundBlocklistEntry Entry, BlocklistNumberSpec Spec)> _batch = new();
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly int _batchSize;
    private readonly bool _toDefault;
    private CustomerColumns? _columns;

    // Numbers sent whose answer has not been settled: a stop (Ctrl+C) in flight leaves them Unknown, not unaccounted.
    private OutboundBlocklistEntry[] _inFlight = Array.Empty<OutboundBlocklistEntry>();

    internal BlocklistAddition(OutboundSession session, IBlocklists lists, BlocklistAddOptions options)
    {
        _lists = lists;
        _options = options;
        var listId = options.ListId ?? lists.DefaultListId;
        _toDefault = listId == lists.DefaultListId;
        _batchSize = options.BatchSize ?? lists.BatchSize;
        if (_batchSize < 1 || _batchSize > lists.BatchLimit)
            throw OutboundErrors.InvalidArgument("BatchSize", _batchSize, $"{session.Vendor} takes 1 to {lists.BatchLimit:N0} numbers a request.",
                $"Pass a size in that range, or leave -BatchSize out for {lists.BatchSize}.");
        _result = new OutboundBlocklistResult(session, listId);
    }

    /// <summary>Errors to write, in order: one per number refused here, one per batch the vendor refused.</summary>
    internal Queue<(OutboundException Error, object? Target)> Notices { get; } = new();

    internal long Read => _result.Read;

    /// <summary>Whether CompleteAsync or Abandon has settled every number.</summary>
    internal bool IsFinished { get; private set; }

    /// <summary>
    /// Ends an addition cut short (Ctrl+C, an error up the pipeline): the numbers held for the next batch were never
    /// sent, so they are Rejected with <paramref name="reason"/>, and the account is complete.
    /// </summary>
    internal OutboundBlocklistResult Abandon(string reason)
    {
        foreach (var (entry, _) in _batch)
        {
            entry.Outcome = BlocklistOutcome.Rejected;
            entry.Reason = reason;
            _result.Rejected++;
        }

        _batch.Clear();
        Settle(_inFlight, BlocklistOutcome.Unknown, "Sent, but the command stopped before the vendor's answer was read; not resent.");
        return Finish();
    }

    /// <summary>A number given as text (a string or a number piped in).</summary>
    internal Task AddAsync(string? phone, CancellationToken cancellationToken) => AddAsync(phone, null, null, cancellationToken);

    /// <summary>A row (Import-Csv, hashtable, object): its phone and name columns found as the import finds them.</summary>
    internal Task AddAsync(IInputRow row, CancellationToken cancellationToken)
    {
        _columns ??= CustomerColumnDetector.Detect(row.PropertyNames, _options.PhoneProperty, _options.NameProperty, Array.Empty<string>());
        var name = _columns.NameColumn is null ? null : row.GetValue(_columns.NameColumn);
        return AddAsync(row.GetValue(_columns.PhoneColumn), name, _columns.PhoneColumn, cancellationToken);
    }

    /// <param name="phone">The number as given.</param>
    /// <param name="name">The name to store with it, when a row has one.</param>
    /// <param name="column">The row's phone column, which a refusal names; null for a number given as text.</param>
    /// <param name="cancellationToken">Stops the wait for a batch in flight.</param>
    private Task AddAsync(string? phone, string? name, string? column, CancellationToken cancellationToken)
    {
        var entry = Take(phone);
        // Blocking a number never depends on the numbering metadata: a new range can be blocked before the library knows it.
        var check = PhoneNumber.Check(phone, allowUnassignedRange: true);
        if (check.Kind == PhoneKind.Invalid)
        {
            var fix = check.Fix! + " and add it again.";
            Reject(entry, column is null
                ? OutboundErrors.InvalidBlocklistNumber(entry.InputNumber, phone, check.Problem!, fix)
                : OutboundErrors.InvalidRow("Phone", entry.InputNumber, column, phone, check.Problem!, fix));
            return Task.CompletedTask;
        }

        return QueueAsync(entry, check.Number!, name, phone, cancellationToken);
    }

    /// <summary>Sends what is left and returns the account of every number.</summary>
    internal async Task<OutboundBlocklistResult> CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return Finish();
    }

    private OutboundBlocklistResult Finish()
    {
        IsFinished = true;
        if (_options.KeepNumbers) _result.Numbers = _kept.ToArray();
        return _result;
    }

    private OutboundBlocklistEntry Take(string? phone)
    {
        var entry = new OutboundBlocklistEntry(++_result.Read, phone);
        if (_options.KeepNumbers) _kept.Add(entry);
        return entry;
    }

    private void Reject(OutboundBlocklistEntry entry, OutboundException error)
    {
        entry.Outcome = BlocklistOutcome.Rejected;
        entry.Reason = error.Message;
        _result.Rejected++;
        Notices.Enqueue((error, error.TargetObject));
    }

    private Task QueueAsync(OutboundBlocklistEntry entry, string phone, string? name, string? input, CancellationToken cancellationToken)
    {
        if (_seen.TryGetValue(phone, out var first))
        {
            Reject(entry, OutboundErrors.InvalidBlocklistNumber(entry.InputNumber, input,
                $"is {phone} again, given first as number {first}; it is added once.", "Leave the repeat out"));
            return Task.CompletedTask;
        }

        _seen.Add(phone, entry.InputNumber);
        entry.Phone = phone;
        // The batch call requires a name with every number and the input may have none: the number itself is sent, so
        // the vendor's list shows something true and nothing invented (docs/design.md#blocklists).
        entry.Name = string.IsNullOrWhiteSpace(name) ? phone : name!.Trim();
        _batch.Add((entry, new BlocklistNumberSpec(phone, entry.Name, _options.Remark)));
        return _batch.Count >= _batchSize ? FlushAsync(cancellationToken) : Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0) return;
        if (_toDefault)
        {
            // One request a number: each leaves the batch only as it is sent, so a stop leaves the rest to Abandon (not sent).
            while (_batch.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var item = _batch[0];
                _batch.RemoveAt(0);
                await AddOneAsync(item.Entry, item.Spec, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var batch = _batch.ToArray();
        _batch.Clear();

        _result.Requests++;
        var span = $"numbers {batch[0].Entry.InputNumber}-{batch[batch.Length - 1].Entry.InputNumber}";
        _inFlight = batch.Select(b => b.Entry).ToArray();
        BlocklistBatchCount count;
        try
        {
            count = await _lists.AddNumbersAsync(_result.ListId, batch.Select(b => b.Spec).ToArray(), cancellationToken).ConfigureAwait(false);
        }
        catch (OutboundException error)
        {
            Settle(batch.Select(b => b.Entry), error.OutcomeUnknown ? BlocklistOutcome.Unknown : BlocklistOutcome.Failed, error.Message);
            Notices.Enqueue((error, span));
            return;
        }

        if (count.Stored >= batch.Length && (count.Requested is null || count.Requested == batch.Length))
        {
            Settle(batch.Select(b => b.Entry), BlocklistOutcome.Added, null);
            return;
        }

        await ReadBackAsync(batch, count, span, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The batch call reports counts, not which numbers it stored: when it stored fewer than it was sent, the group is
    /// read back and each number of the batch found there is Added (stored now, or held already), each missing Failed.
    /// </summary>
    private async Task ReadBackAsync((OutboundBlocklistEntry Entry, BlocklistNumberSpec Spec)[] batch, BlocklistBatchCount count, string span,
        CancellationToken cancellationToken)
    {
        var reported = string.Format(CultureInfo.InvariantCulture, "{0} reported {1} of {2} stored for {3} ({4} sent)",
            _result.Vendor, count.Stored, count.Requested?.ToString(CultureInfo.InvariantCulture) ?? "?", span, batch.Length);
        var wanted = new HashSet<string>(batch.Select(b => b.Spec.Phone), StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            long read = 0;
            for (var page = 1; ; page++)
            {
                var numbers = await _lists.GetNumberPageAsync(_result.ListId, page, cancellationToken).ConfigureAwait(false);
                foreach (var number in numbers.Numbers)
                    if (PhoneNumber.TryRead(number.Phone, out var national, out _) && wanted.Contains(national)) found.Add(national);
                read += numbers.Numbers.Count;
                if (numbers.Numbers.Count == 0 || read >= numbers.Total || found.Count == wanted.Count) break;
            }
        }
        catch (OutboundException error)
        {
            var reason = $"{reported}, and the list could not be read back to tell which: {error.Message}";
            Settle(batch.Select(b => b.Entry), BlocklistOutcome.Unknown, reason);
            Notices.Enqueue((new OutboundException(error.ErrorId, error.Kind, reason) { Vendor = error.Vendor, TargetObject = span }, span));
            return;
        }

        var missing = batch.Where(b => !found.Contains(b.Spec.Phone)).Select(b => b.Entry).ToArray();
        Settle(batch.Where(b => found.Contains(b.Spec.Phone)).Select(b => b.Entry), BlocklistOutcome.Added, null);
        if (missing.Length == 0) return;
        var why = $"{reported}; read back, list {_result.ListId} does not hold this number.";
        Settle(missing, BlocklistOutcome.Failed, why);
        Notices.Enqueue((new OutboundException($"OutboundPS.{_result.Vendor}.BlocklistNotStored", OutboundErrorKind.InvalidResult,
            string.Format(CultureInfo.InvariantCulture, "{0}; read back, list {1} does not hold {2:N0} of them: {3}. Check the numbers and add them again.",
                reported, _result.ListId, missing.Length, string.Join(", ", missing.Take(10).Select(m => m.Phone)) + (missing.Length > 10 ? ", …" : "")))
        { Vendor = _result.Vendor, TargetObject = span, RecommendedAction = "Check the numbers and add them again." }, span));
    }

    private async Task AddOneAsync(OutboundBlocklistEntry entry, BlocklistNumberSpec spec, CancellationToken cancellationToken)
    {
        _result.Requests++;
        _inFlight = new[] { entry };
        try
        {
            await _lists.AddToDefaultListAsync(spec, cancellationToken).ConfigureAwait(false);
            Settle(new[] { entry }, BlocklistOutcome.Added, null);
        }
        catch (OutboundException error)
        {
            Settle(new[] { entry }, error.OutcomeUnknown ? BlocklistOutcome.Unknown : BlocklistOutcome.Failed, error.Message);
            Notices.Enqueue((error, entry.Input));
        }
    }

    private void Settle(IEnumerable<OutboundBlocklistEntry> entries, BlocklistOutcome outcome, string? reason)
    {
        _inFlight = Array.Empty<OutboundBlocklistEntry>();
        foreach (var entry in entries)
        {
            entry.Outcome = outcome;
            entry.Reason = reason;
            switch (outcome)
            {
                case BlocklistOutcome.Added: _result.Added++; break;
                case BlocklistOutcome.Failed: _result.Failed++; break;
                default: _result.Unknown++; break;
            }
        }
    }
}
