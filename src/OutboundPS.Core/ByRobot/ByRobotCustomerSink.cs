using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Vendors;

namespace OutboundPS.ByRobot;

/// <summary>
/// v2 task/importTaskCustomer, up to 10,000 customers a request (default 500 so progress and failures stay
/// fine-grained). BYRobot answers with counts only, so per-row certainty exists only when the counts cover the batch.
/// </summary>
internal sealed class ByRobotCustomerSink : ICustomerSink
{
    internal const int RowLimit = 10_000;
    internal const int DefaultRows = 500;

    private readonly ByRobotClient _client;
    private readonly long _taskId;
    private readonly IReadOnlyList<string> _variables;

    internal ByRobotCustomerSink(ByRobotClient client, long taskId, IReadOnlyList<string> variables)
    {
        _client = client;
        _taskId = taskId;
        _variables = variables;
    }

    public int MaxBatchSize => RowLimit;

    public int DefaultBatchSize => DefaultRows;

    public async Task<BatchOutcome> SendAsync(IReadOnlyList<CustomerRow> batch, CancellationToken cancellationToken)
    {
        var body = new ByRobotImport
        {
            CompanyId = _client.CompanyId,
            TaskId = _taskId,
            CustomerInfoList = batch.Select(row => new ByRobotCustomer
            {
                Name = row.Name ?? string.Empty,
                Phone = row.Phone,
                Properties = _variables.Select((name, i) => new KeyValuePair<string, string>(name, row.Values[i]))
                    .ToDictionary(pair => pair.Key, pair => pair.Value),
            }).ToArray(),
        };
        var result = await _client.ImportAsync(body, cancellationToken).ConfigureAwait(false);
        var stored = (result.SuccessNum ?? 0) + (result.RepeatNum ?? 0);
        var summary = $"BYRobot reported for this batch of {batch.Count}: {result.SuccessNum} imported, {result.RepeatNum} already in the task, " +
            $"{result.PlaceFailNum} refused for their variables ({result.Msg}); which rows those are is not reported.";
        // Duplicates are customers the task already holds (the vendor de-duplicates within a task), so a batch whose
        // imported and duplicate counts cover every row is wholly in the task.
        return new BatchOutcome { AcceptedCount = stored, Summary = summary };
    }
}
