using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Http;
using OutboundPS.Contract;

namespace OutboundPS.ByRobot;

/// <summary>
/// v2 task/importTaskCustomer, up to 10,000 customers a request (default 500 so progress and failures stay
/// fine-grained). BYRobot answers with counts only, so per-row certainty exists only when the counts cover the batch.
/// </summary>
internal sealed class ByRobotCustomerSink : ICustomerSink
{
    private readonly ByRobotClient _client;
    private readonly long _taskId;
    private readonly IReadOnlyList<string> _variables;

    internal ByRobotCustomerSink(ByRobotClient client, long taskId, IReadOnlyList<string> variables)
    {
        _client = client;
        _taskId = taskId;
        _variables = variables;
    }

    public PreparedBatch Prepare(IReadOnlyList<CustomerRow> batch) =>
        new(batch, JsonRequestBody.Serialize(new ByRobotImport(_client.CompanyId, _taskId, _variables, batch)));

    public async Task<BatchOutcome> SendAsync(PreparedBatch prepared, CancellationToken cancellationToken)
    {
        var batch = prepared.Rows;
        var result = await _client.ImportAsync(prepared.Body, cancellationToken).ConfigureAwait(false);
        var stored = (result.SuccessNum ?? 0) + (result.RepeatNum ?? 0);
        var summary = $"BYRobot reported for this batch of {batch.Count}: {result.SuccessNum} imported, {result.RepeatNum} already in the task, " +
            $"{result.PlaceFailNum} refused for their variables ({result.Msg}); which rows those are is not reported.";
        // Duplicates are customers the task already holds (the vendor de-duplicates within a task), so a batch whose
        // imported and duplicate counts cover every row is wholly in the task.
        return new BatchOutcome { AcceptedCount = stored, Summary = summary };
    }
}
