using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Diagnostics;
using OutboundPS.Sessions;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>
/// What every OutboundPS cmdlet shares: running Core's async work while pumping Write* calls back onto
/// the pipeline thread (the only thread allowed to make them), Ctrl+C, and ErrorRecords from OutboundExceptions.
/// </summary>
/// <remarks>
/// PowerShell loads every exported type of this assembly before the module initializer that resolves Core
/// runs, so exported types must not derive from, implement, or hold value-type fields of Core types
/// (ModuleContractTests.ExportedTypes_LoadWithoutCore keeps it so).
/// </remarks>
public abstract class OutboundCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<Action> _pipelineWork = new();
    private readonly AutoResetEvent _pipelineSignal = new(false);
    private PipelineLog? _log;

    /// <summary>Cancelled when the user presses Ctrl+C.</summary>
    protected CancellationToken StopToken => _stopping.Token;

    /// <summary>The sessions of the runspace this command runs in.</summary>
    private protected static SessionRegistry Sessions => RunspaceSessions.Current;

    /// <summary>The session: the one given, or the runspace's newest; ends the command when there is none.</summary>
    protected OutboundSession UseSession(OutboundSession? given) => Validate(() => Sessions.Resolve(given), given);

    /// <summary>The session a task acts in: its own when it came as an OutboundTask, else the one given or the newest.</summary>
    protected OutboundSession UseSession(OutboundTaskId task, OutboundSession? given) => Validate(() => Sessions.Resolve(task, given), task.Id);

    /// <summary>Runs a local check (no request); an OutboundException ends the command before anything is sent.</summary>
    protected T Validate<T>(Func<T> check, object? target)
    {
        try
        {
            return check();
        }
        catch (OutboundException error)
        {
            Fail(error, target);
            throw;
        }
    }

    /// <summary>
    /// Reads -ExcludePhone and -ExcludePhonePath (PowerShell paths, relative to the current location) into one
    /// do-not-call list, before anything is sent; null when neither was given. An entry that is no number ends the command.
    /// </summary>
    private protected Import.DoNotCallList? ReadDoNotCallList(string[]? phones, string[]? paths)
    {
        if ((phones is null || phones.Length == 0) && (paths is null || paths.Length == 0)) return null;
        var files = paths is null ? Array.Empty<string>() : ResolveListFiles(paths);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var list = Validate(() => Import.DoNotCallList.Load(phones, files), null);
        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Do-not-call list: {0:N0} numbers from {1} -ExcludePhone entries and {2} files, read in {3:0.00} s.",
            list!.Count, phones?.Length ?? 0, files.Length, clock.Elapsed.TotalSeconds));
        if (list.Foreign > 0)
            WriteWarning(string.Format(CultureInfo.InvariantCulture,
                "Do-not-call entries outside mainland China (another country code) left out of the list: {0:N0}. OutboundPS never calls such a number, so none can match.",
                list.Foreign));
        return list;
    }

    /// <summary>
    /// -ExcludePhonePath as a -Path: a wildcard names every file it matches (and is an error when it matches none); a
    /// plain path is taken as it is, so a file that is missing is reported by the list's reader with its name.
    /// </summary>
    private string[] ResolveListFiles(string[] paths)
    {
        var files = new System.Collections.Generic.List<string>();
        foreach (var path in paths)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(path))
            {
                files.Add(GetUnresolvedProviderPathFromPSPath(path));
                continue;
            }

            var matched = GetResolvedProviderPathFromPSPath(path, out _);
            if (matched.Count == 0)
                Terminate(OutboundErrors.InvalidArgument("ExcludePhonePath", path, "matches no file.", "Check the path and its wildcard."), path);
            files.AddRange(matched);
        }

        return files.ToArray();
    }

    /// <summary>
    /// Tells the host directly, for a command ending early (Dispose): a failed or stopping pipeline takes no more output,
    /// and a host without a UI (some runbook hosts) cannot be told at all.
    /// </summary>
    private protected void WarnHost(string line)
    {
        try
        {
            Host.UI.WriteWarningLine(line);
        }
        catch (Exception error) when (error is PSInvalidOperationException or NotImplementedException)
        {
            // The account is on the session (or the result) regardless.
        }
    }

    /// <summary>Queues an action (a Write* call) to run on the pipeline thread while Core work is in progress.</summary>
    protected void OnPipelineThread(Action action)
    {
        _pipelineWork.Enqueue(action);
        _pipelineSignal.Set();
    }

    /// <summary>Core's log lines for this command, relayed to the pipeline thread as verbose and warning records.</summary>
    private protected IOperationLogSink Log => _log ??= new PipelineLog(this);

    /// <summary>Runs Core work to completion; an OutboundException ends the command.</summary>
    protected T Run<T>(Func<CancellationToken, Task<T>> work, object? target = null)
    {
        try
        {
            using (OperationLog.Use(Log))
                return Pump(work(StopToken));
        }
        catch (OutboundException error)
        {
            Terminate(error, target);
            throw; // not reached: Terminate always throws
        }
    }

    /// <summary>Runs Core work that has no result to completion; an OutboundException ends the command.</summary>
    protected void Run(Func<CancellationToken, Task> work, object? target = null)
    {
        try
        {
            using (OperationLog.Use(Log))
                Pump(work(StopToken));
        }
        catch (OutboundException error)
        {
            Terminate(error, target);
        }
    }

    /// <summary>
    /// Completes Core work already started on this thread, outside Core's log (Core passes the log on by other means);
    /// an OutboundException ends the command. Work that completes synchronously, as most rows of an import do, costs
    /// no wait handle, no thread switch and no change to the execution context.
    /// </summary>
    protected void Await(Task started, object? target)
    {
        try
        {
            Pump(started);
        }
        catch (OutboundException error)
        {
            Terminate(error, target);
        }
    }

    /// <summary>
    /// Runs Core work; an OutboundException is written as a non-terminating error and false returned,
    /// except NotImplemented, which ends the command (the vendor lacks the operation for every input: docs/design.md#adding-a-vendor).
    /// </summary>
    protected bool TryRun(Func<CancellationToken, Task> work, object? target)
    {
        try
        {
            using (OperationLog.Use(Log))
                Pump(work(StopToken));
            return true;
        }
        catch (OutboundException error)
        {
            DrainPipelineWork();
            if (error.Kind == OutboundErrorKind.NotImplemented) ThrowTerminatingError(ErrorRecords.From(error, target));
            WriteError(ErrorRecords.From(error, target));
            return false;
        }
    }

    /// <summary>Runs whatever Core queued for the pipeline thread.</summary>
    protected void DrainPipelineWork()
    {
        while (_pipelineWork.TryDequeue(out var action)) action();
    }

    /// <summary>Ends the command with an error from Core, after writing what Core queued before it failed.</summary>
    private void Terminate(OutboundException error, object? target)
    {
        DrainPipelineWork();
        ThrowTerminatingError(ErrorRecords.From(error, target));
    }

    /// <summary>Ends the command with an OutboundException raised by the cmdlet itself.</summary>
    protected void Fail(OutboundException error, object? target = null) => ThrowTerminatingError(ErrorRecords.From(error, target));

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Relays Core's log lines to the pipeline thread as verbose and warning records.</summary>
    private sealed class PipelineLog : IOperationLogSink
    {
        private readonly OutboundCmdlet _cmdlet;

        internal PipelineLog(OutboundCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            VerboseEnabled = cmdlet.MyInvocation.BoundParameters.TryGetValue("Verbose", out var flag)
                ? flag is SwitchParameter { IsPresent: true } || flag is true
                : Enum.TryParse<ActionPreference>(Convert.ToString(cmdlet.GetVariableValue("VerbosePreference"), CultureInfo.InvariantCulture), true, out var preference)
                    && preference is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
        }

        /// <summary>Decided once, on the pipeline thread: -Verbose, else $VerbosePreference.</summary>
        public bool VerboseEnabled { get; }

        public void Verbose(string message) => _cmdlet.OnPipelineThread(() => _cmdlet.WriteVerbose(message));

        public void Warning(string message) => _cmdlet.OnPipelineThread(() => _cmdlet.WriteWarning(message));
    }

    private T Pump<T>(Task<T> task)
    {
        Pump((Task)task);
        return task.Result; // Pump has already thrown the task's exception, if any.
    }

    /// <summary>Waits for the task on the pipeline thread, running the Write* calls Core queues meanwhile.</summary>
    private void Pump(Task task)
    {
        if (!task.IsCompleted)
        {
            var handles = new WaitHandle[] { ((IAsyncResult)task).AsyncWaitHandle, _pipelineSignal };
            while (!task.IsCompleted)
            {
                WaitHandle.WaitAny(handles);
                DrainPipelineWork();
            }
        }

        DrainPipelineWork();
        task.GetAwaiter().GetResult();
    }
}
