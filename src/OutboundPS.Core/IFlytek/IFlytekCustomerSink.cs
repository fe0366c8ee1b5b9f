using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Http;
using OutboundPS.Contract;

namespace OutboundPS.IFlytek;

/// <summary>task/insert, at most 50 rows a request; yeta answers with one task_data_id per row, in order.</summary>
internal sealed class IFlytekCustomerSink : ICustomerSink
{
    private readonly IFlytekClient _client;
    private readonly string _taskId;
    private readonly IFlytekColumnPlan _plan;

    internal IFlytekCustomerSink(IFlytekClient client, string taskId, IFlytekColumnPlan plan)
    {
        _client = client;
        _taskId = taskId;
        _plan = plan;
    }

    public PreparedBatch Prepare(IReadOnlyList<CustomerRow> batch) =>
        new(batch, JsonRequestBody.Serialize(new IFlytekInsert(_taskId, _plan, batch)));

    public async Task<BatchOutcome> SendAsync(PreparedBatch prepared, CancellationToken cancellationToken)
    {
        var batch = prepared.Rows;
        var result = await _client.PostAsync<IFlytekRowsResult>(IFlytekClient.InsertPath, "task/insert", prepared.Body, cancellationToken).ConfigureAwait(false);
        var ids = result.TaskDataIds;
        if (ids is not null && ids.Length == batch.Count) return new BatchOutcome { DataIds = ids };
        return new BatchOutcome
        {
            Summary = $"iFlytek answered total={result.Total} with {ids?.Length ?? 0} task_data_ids for {batch.Count} rows, so which rows were stored is unknown.",
        };
    }
}
