using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Sessions;

namespace OutboundPS.Import;

/// <summary>
/// Streams input rows into a task: validates each, batches them to the vendor's size, keeps up to
/// ThrottleLimit batches in flight, and settles every row in exactly one outcome, however the import ends:
/// completed, stopped, or abandoned by an error anywhere in the pipeline (Dispose). The account is kept on
/// the session as LastImport either way.
/// Add, Complete, Stop and Dispose are called from one thread (the pipeline); batches settle on pool threads.
/// </summary>
internal sealed class CustomerImport : IDisposable
{
    private const string NotSentPrefix = "Not sent: ";
    private readonly OutboundSession _session;
    private readonly IOutboundClient _client;
    private readonly string _taskId;
    private readonly ImportOptions _options;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly OutboundImportResult _result;
    private readonly List<OutboundImportRow>? _records;
    private readonly PhoneSet? _seenPhones;
    private readonly List<Task> _inFlight = new();
    private readonly object _gate = new();
    private readonly NotAcceptedCsv? _notAccepted;
    private readonly ConcurrentQueue<PendingBatch> _settledNotAccepted = new();
    private long _errorsTaken;
    private long _unreportedRows;
    private long _unreportedBatches;
    private long _unreportedBatchRows;
    private CustomerRowReader? _reader;
    private ICustomerSink? _sink;
    private int _batchSize;
    private PendingBatch _pending = new(1);
    private long _rowCount;
    private long _sent;
    private long _duplicates;
    private long _doNotCall;

    internal CustomerImport(OutboundSession session, string taskId, ImportOptions options)
    {
        _session = session;
        _client = session.Client;
        _taskId = taskId;
        _options = options;
        _result = new OutboundImportResult(_client.Vendor, taskId);
        _records = options.KeepRows ? new List<OutboundImportRow>() : null;
        _seenPhones = options.AllowDuplicate ? null : new PhoneSet();
        // Opened last: nothing after it can fail and leave the file open.
        _notAccepted = options.NotAcceptedPath is { } path ? NotAcceptedCsv.Create(path) : null;
    }

    /// <summary>Rows taken so far.</summary>
    internal long RowsRead => _rowCount;

    /// <summary>True once every row taken is settled and the account is on the session.</summary>
    internal bool IsFinished { get; private set; }

    /// <summary>Rejected rows and failed batches, for the cmdlet to write as non-terminating errors.</summary>
    internal ConcurrentQueue<ImportNotice> Notices { get; } = new();

    /// <summary>Rows written to the -NotAcceptedPath file so far.</summary>
    internal long NotAcceptedWritten => _notAccepted?.RowsWritten ?? 0;

    internal ImportProgress Progress
    {
        get
        {
            lock (_gate)
            {
                var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
                return new ImportProgress(_rowCount, _sent, _result.Accepted,
                    _result.Rejected + _result.Failed + _result.Unknown, _result.Accepted / seconds);
            }
        }
    }

    /// <summary>
    /// Takes one row; from here on it is accounted for. A stop (cancellation) is honoured after the row is taken,
    /// and a row that could not even be opened for sending is recorded as not sent before the error goes on.
    /// </summary>
    internal Task AddAsync(IInputRow row, object? inputObject, CancellationToken cancellationToken)
    {
        if (_sink is null || row is CallRecordInputRow { Record.VariableReads: not null })
            return AddFirstOrRecallAsync(row, inputObject, cancellationToken);

        // Every other row is taken without an async state machine: a pipeline pays for one on every row it imports,
        // and only every batch-th row has anything to wait for.
        var record = Take(inputObject, out var rowNumber);
        if (Place(row, rowNumber, record, inputObject)) return FlushThenCheckAsync(cancellationToken);
        return cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;
    }

    /// <summary>The first row, which opens the import, and a recall, whose variables are read first.</summary>
    private async Task AddFirstOrRecallAsync(IInputRow row, object? inputObject, CancellationToken cancellationToken)
    {
        var record = Take(inputObject, out var rowNumber);
        if (row is CallRecordInputRow { Record.VariableReads: { } reads } recall)
        {
            // A recall: the record came from a list without variables, and the new task's robot may need them.
            try
            {
                recall.Record.Variables = await reads.ReadAsync(recall.Record, cancellationToken).ConfigureAwait(false);
                row = new CallRecordInputRow(recall.Record);
            }
            catch (OperationCanceledException)
            {
                Reject(record, row, NotSentPrefix + "the import was stopped before this row was sent.");
                throw;
            }
            catch (OutboundException failure)
            {
                Reject(record, row, NotSentPrefix + "the call's variables could not be read: " + failure.Message);
                failure.TargetObject = inputObject;
                Notify(new ImportNotice(failure, inputObject), 1, batch: false);
                return;
            }
        }

        if (_sink is null)
        {
            try
            {
                // Opening sends requests (task detail, robots) whose lines belong in the import's log, like the batches'.
                using (_options.Log is { } log ? Diagnostics.OperationLog.Use(log) : null)
                    await OpenAsync(row, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                Reject(record, row, NotSentPrefix + (failure is OperationCanceledException ? "the import was stopped before this row was sent." : failure.Message));
                throw;
            }
        }

        if (Place(row, rowNumber, record, inputObject)) await FlushAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task FlushThenCheckAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Numbers the row and counts it as submitted; its record, under -PassThru.</summary>
    private OutboundImportRow? Take(object? inputObject, out long rowNumber)
    {
        rowNumber = ++_rowCount;
        var record = _records is null ? null : new OutboundImportRow(rowNumber, inputObject);
        // Submitted, Rejected and the record list change only on this thread; no lock on the per-row path.
        _result.Submitted++;
        _records?.Add(record!);
        if (_notAccepted is not null) WriteSettled();
        return record;
    }

    /// <summary>Reads, checks and buffers the row, or rejects it; true when the buffer holds a full batch.</summary>
    private bool Place(IInputRow row, long rowNumber, OutboundImportRow? record, object? inputObject)
    {
        var customer = _reader!.Read(row, rowNumber, out var rawPhone, out var name, out var error);
        if (record is not null)
        {
            record.Phone = customer?.Phone ?? rawPhone;
            record.Name = name;
        }

        if (customer is null && error is null)
        {
            // On the do-not-call list: the user's own instruction, so no error (one would stop an -ErrorAction Stop import).
            _doNotCall++;
            Reject(record, row, DoNotCallList.Reason, DoNotCallList.Code);
            return false;
        }

        if (customer is null)
        {
            Reject(record, row, error!.Message);
            error.TargetObject = inputObject;
            Notify(new ImportNotice(error, inputObject), 1, batch: false);
            return false;
        }

        if (_seenPhones is not null && !_seenPhones.Add(customer.Phone))
        {
            _duplicates++;
            Reject(record, row, "Duplicate");
            return false;
        }

        _pending.Add(customer, record, _notAccepted is null ? null : row);
        return _pending.Rows.Count >= _batchSize;
    }

    /// <summary>Sends what is buffered, waits for every batch and returns the account of all rows.</summary>
    internal async Task<OutboundImportResult> CompleteAsync(CancellationToken cancellationToken)
    {
        if (IsFinished) return _result;
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_inFlight).ConfigureAwait(false);
        return Finish();
    }

    /// <summary>
    /// Ends the import early (Ctrl+C, an error in the pipeline): sends nothing more, lets batches already on the
    /// wire settle, and counts the buffered rows as Rejected (not sent) so that every row is still accounted for.
    /// </summary>
    internal async Task<OutboundImportResult> StopAsync(string reason)
    {
        if (IsFinished) return _result;
        for (var i = 0; i < _pending.Rows.Count; i++)
            Reject(i < _pending.Records.Count ? _pending.Records[i] : null, i < _pending.Inputs.Count ? _pending.Inputs[i] : null, NotSentPrefix + reason);
        _pending = new PendingBatch(_pending.Number);
        await Task.WhenAll(_inFlight).ConfigureAwait(false);
        _result.Stopped = true;
        return Finish();
    }

    /// <summary>An import dropped without Complete or Stop (the pipeline failed) is stopped here, so nothing is left unaccounted.</summary>
    public void Dispose()
    {
        if (!IsFinished) StopAsync("the import ended early, before this row was sent.").GetAwaiter().GetResult();
    }

    /// <summary>
    /// Lets go of an import that never took a row (nothing piped in): closes the -NotAcceptedPath file, left empty,
    /// and leaves the session's LastImport as it was, since there is nothing to account for.
    /// </summary>
    internal void Abandon()
    {
        if (_rowCount == 0) _notAccepted?.Dispose();
    }

    private OutboundImportResult Finish()
    {
        if (_options.DoNotCall is not null)
            Diagnostics.OperationLog.Verbose($"{_doNotCall} rows were on the do-not-call list and were rejected as DoNotCall, without being sent.");
        if (_duplicates > 0)
            Diagnostics.OperationLog.Warning($"{_duplicates} rows repeated a phone number already in this import and were rejected as Duplicate. Use -AllowDuplicate to send them anyway.");
        if (_unreportedRows > 0)
            Notices.Enqueue(new ImportNotice(OutboundErrors.ErrorLimitReached(_taskId, _options.ErrorLimit, _unreportedRows - _unreportedBatchRows,
                _unreportedBatches, _unreportedBatchRows, _notAccepted?.Path, _options.KeepRows), _taskId));
        if (_notAccepted is not null) CloseNotAccepted();
        lock (_gate)
        {
            _result.Duration = _clock.Elapsed;
            if (_records is not null) _result.KeepRows(_records);
        }

        _session.LastImport = _result;
        IsFinished = true;
        return _result;
    }

    private async Task OpenAsync(IInputRow first, CancellationToken cancellationToken)
    {
        var columns = CustomerColumnDetector.Detect(first.PropertyNames, _options.PhoneProperty, _options.NameProperty, _options.VariableProperty);
        var vendor = _client.Descriptor.DisplayName;
        if (columns.NameColumn is null && _client.Descriptor.CustomerRules.RequiresName)
            throw OutboundErrors.InvalidArgument("NameProperty", null,
                $"{vendor} requires a customer name with every customer, and the input has no name column (looked for {string.Join(", ", CustomerColumnNames.Name)}).",
                "Name the column with -NameProperty, or add one.");
        var limits = _client.Descriptor.Limits;
        var size = _options.BatchSize ?? limits.DefaultBatchSize;
        if (size < 1 || size > limits.MaxBatchSize)
            throw OutboundErrors.InvalidArgument("BatchSize", size, $"{vendor} accepts 1 to {limits.MaxBatchSize} customers a request.",
                $"Pass a value from 1 to {limits.MaxBatchSize}, or omit it for {limits.DefaultBatchSize}.");
        var sink = await _client.OpenImportAsync(_taskId, columns, cancellationToken).ConfigureAwait(false);
        _batchSize = size;
        _reader = new CustomerRowReader(columns, _client.Descriptor.CustomerRules.WithUnassignedRange(_options.AllowUnassignedRange), doNotCall: _options.DoNotCall);
        _sink = sink;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Rows.Count == 0) return;
        while (_inFlight.Count >= Math.Max(1, _options.ThrottleLimit))
        {
            var done = await Task.WhenAny(_inFlight).ConfigureAwait(false);
            _inFlight.Remove(done);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (_notAccepted is not null)
        {
            // Once a batch: the rows rejected since the last one and the batches settled since then reach the disk.
            WriteSettled();
            _notAccepted.Flush();
        }

        var batch = _pending;
        _pending = new PendingBatch(batch.Number + 1, _batchSize);
        lock (_gate)
        {
            _sent += batch.Rows.Count;
            _result.Batches++;
        }

        // A batch on the wire is never cancelled: cutting it off would leave its outcome unknown. It is serialized there
        // too, off the pipeline thread, which the import shares with the command that reads the input (Import-Csv).
        _inFlight.Add(Task.Run(() => SendLoggedAsync(batch)));
    }

    private async Task SendLoggedAsync(PendingBatch batch)
    {
        using (Diagnostics.OperationLog.Use(_options.Log))
            await SendAsync(batch).ConfigureAwait(false);
    }

    private async Task SendAsync(PendingBatch batch)
    {
        try
        {
            var prepared = _sink!.Prepare(batch.Rows);
            var outcome = await _sink!.SendAsync(prepared, CancellationToken.None).ConfigureAwait(false);
            Settle(batch, outcome, null);
        }
        catch (OutboundException error)
        {
            Settle(batch, null, error);
            error.TargetObject = $"rows {batch.Rows[0].RowNumber}-{batch.Rows[batch.Rows.Count - 1].RowNumber}";
            Notify(new ImportNotice(error, error.TargetObject), batch.Rows.Count, batch: true);
        }
    }

    private void Settle(PendingBatch batch, BatchOutcome? outcome, OutboundException? error)
    {
        ImportOutcome verdict;
        string? note = null;
        if (error is not null)
        {
            verdict = error.OutcomeUnknown ? ImportOutcome.Unknown : ImportOutcome.Failed;
            note = error.Message;
        }
        else if (outcome!.DataIds is not null || outcome.AcceptedCount == batch.Rows.Count)
        {
            verdict = ImportOutcome.Accepted;
        }
        else
        {
            verdict = ImportOutcome.Unknown;
            note = outcome.Summary;
        }

        if (Diagnostics.OperationLog.VerboseEnabled)
        {
            Diagnostics.OperationLog.Verbose(
                $"Batch {batch.Number} (rows {batch.Rows[0].RowNumber}-{batch.Rows[batch.Rows.Count - 1].RowNumber}): {batch.Rows.Count} {verdict}.");
        }

        // Counts and records change together, so no reader ever sees a batch half recorded.
        lock (_gate)
        {
            var count = batch.Rows.Count;
            switch (verdict)
            {
                case ImportOutcome.Accepted: _result.Accepted += count; break;
                case ImportOutcome.Failed: _result.Failed += count; break;
                default: _result.Unknown += count; break;
            }

            for (var i = 0; i < batch.Records.Count; i++)
            {
                var record = batch.Records[i];
                record.Outcome = verdict;
                record.Batch = batch.Number;
                record.Error = note;
                record.Code = error?.VendorCode;
                record.DataId = outcome?.DataIds?[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (_notAccepted is not null && verdict != ImportOutcome.Accepted)
        {
            // Written by the import's own thread (it reads the input rows), at its next row, batch or end.
            batch.Settled(verdict, note, error?.VendorCode);
            _settledNotAccepted.Enqueue(batch);
        }
    }

    /// <summary>
    /// Queues an error for the cmdlet while fewer than -ErrorLimit have been; past it, only counts the rows, for the one
    /// summary error at the end. Rejected rows come from the import's thread, failed batches from pool threads.
    /// </summary>
    private void Notify(ImportNotice notice, int rows, bool batch)
    {
        if (Interlocked.Increment(ref _errorsTaken) <= _options.ErrorLimit)
        {
            Notices.Enqueue(notice);
            return;
        }

        Interlocked.Add(ref _unreportedRows, rows);
        if (batch)
        {
            Interlocked.Increment(ref _unreportedBatches);
            Interlocked.Add(ref _unreportedBatchRows, rows);
        }
    }

    /// <summary>Writes the rows of the batches that settled not accepted since the last call.</summary>
    private void WriteSettled()
    {
        while (_settledNotAccepted.TryDequeue(out var batch))
            for (var i = 0; i < batch.Inputs.Count; i++)
                _notAccepted!.Write(batch.Inputs[i], batch.Verdict, batch.Note, batch.Code);
    }

    private void CloseNotAccepted()
    {
        using (_notAccepted)
        {
            WriteSettled();
            _notAccepted!.Flush();
        }

        var (rows, column) = _notAccepted.RowsWithOtherColumns;
        if (rows > 0)
            Diagnostics.OperationLog.Warning($"{rows} rows written to {_notAccepted.Path} had columns its header lacks (the first: '{column}'), " +
                "because the header follows the first row written; those values are not in the file. Use -PassThru to keep each row's InputObject.");
    }

    /// <summary>Rejects a row not (or never to be) sent; called only on the pipeline thread, like Add.</summary>
    private void Reject(OutboundImportRow? record, IInputRow? row, string reason, string? code = null)
    {
        _result.Rejected++;
        if (row is not null) _notAccepted?.Write(row, ImportOutcome.Rejected, reason, code);
        if (record is null) return;
        record.Outcome = ImportOutcome.Rejected;
        record.Error = reason;
        record.Code = code;
    }

    /// <summary>
    /// Rows gathered for one request, with their records when -PassThru keeps them and their input rows when
    /// -NotAcceptedPath may need them (only while the batch is in flight: no import retains all its rows).
    /// </summary>
    private sealed class PendingBatch
    {
        /// <summary>A batch with room for <paramref name="capacity"/> rows, so filling it never copies the list.</summary>
        internal PendingBatch(int number, int capacity = 0)
        {
            Number = number;
            Rows = new List<CustomerRow>(capacity);
        }

        internal int Number { get; }
        internal List<CustomerRow> Rows { get; }
        internal List<OutboundImportRow> Records { get; } = new();
        internal List<IInputRow> Inputs { get; } = new();
        internal ImportOutcome Verdict { get; private set; }
        internal string? Note { get; private set; }
        internal string? Code { get; private set; }

        internal void Add(CustomerRow row, OutboundImportRow? record, IInputRow? input)
        {
            Rows.Add(row);
            if (record is not null) Records.Add(record);
            if (input is not null) Inputs.Add(input);
        }

        internal void Settled(ImportOutcome verdict, string? note, string? code)
        {
            Verdict = verdict;
            Note = note;
            Code = code;
        }
    }
}
