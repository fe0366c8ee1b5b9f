using System.Collections.Generic;

namespace OutboundPS.Contract;

/// <summary>Invoke-OutboundCall's parameters.</summary>
internal sealed class CallSpec
{
    internal CallSpec(string robotId, CustomerColumns columns, IReadOnlyList<CustomerRow> customers)
    {
        RobotId = robotId;
        Columns = columns;
        Customers = customers;
    }

    internal string RobotId { get; }
    internal string? Line { get; set; }
    internal string? Voice { get; set; }
    internal string? CustomerId { get; set; }
    internal string? SceneId { get; set; }
    internal string? SceneRecordId { get; set; }
    internal CustomerColumns Columns { get; }
    internal IReadOnlyList<CustomerRow> Customers { get; }
}
