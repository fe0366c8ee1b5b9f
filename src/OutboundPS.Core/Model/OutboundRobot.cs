using System.Collections.Generic;

namespace OutboundPS;

/// <summary>A robot (call script).</summary>
public sealed class OutboundRobot
{
    internal OutboundRobot(OutboundVendor vendor, string id)
    {
        Vendor = vendor;
        Id = id;
    }

    /// <summary>The platform the robot belongs to.</summary>
    public OutboundVendor Vendor { get; }

    /// <summary>iFlytek robot_id / BYRobot robotDefId.</summary>
    public string Id { get; }

    /// <summary>Same as Id; lets a robot bind to -RobotId by property name.</summary>
    public string RobotId => Id;

    /// <summary>Robot name.</summary>
    public string? Name { get; internal set; }

    /// <summary>Vendor status in words (for example Published).</summary>
    public string? Status { get; internal set; }

    /// <summary>BYRobot scene id.</summary>
    public string? SceneId { get; internal set; }

    /// <summary>BYRobot recordings: id → name; reads as "id=name; id=name".</summary>
    public IReadOnlyDictionary<string, string> Recordings { get => _recordings; internal set => _recordings = NameValueMap.Of(value); }
    private NameValueMap _recordings = NameValueMap.NoItems;

    /// <summary>Variables the script expects from each customer row, read as the names joined with "; "; null when they could not be read.</summary>
    public IReadOnlyList<string>? Variables { get => _variables; internal set => _variables = value is null ? null : ItemList<string>.Of(value); }
    private ItemList<string>? _variables = ItemList<string>.NoItems;

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}";
}
