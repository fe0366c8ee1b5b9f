using System;

namespace OutboundPS;

/// <summary>
/// An outbound-calling platform, named by its key: IFlytek (iFlytek yeta, 讯飞) or ByRobot (百应) today. A vendor is
/// data, not a fixed list, so a new one is added by its own folder; Connect-Outbound names the keys it knows.
/// </summary>
public sealed class OutboundVendor : IEquatable<OutboundVendor>
{
    /// <summary>A vendor by key, compared without regard to case ('iflytek' is IFlytek).</summary>
    public OutboundVendor(string key)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException("A vendor key is a name such as IFlytek or ByRobot.", nameof(key));
        Key = key.Trim();
    }

    /// <summary>The vendor's key, as Connect-Outbound -Vendor takes it.</summary>
    public string Key { get; }

    /// <inheritdoc />
    public bool Equals(OutboundVendor? other) => other is not null && string.Equals(Key, other.Key, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OutboundVendor);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Key);

    /// <summary>The key.</summary>
    public override string ToString() => Key;

    /// <summary>Same vendor.</summary>
    public static bool operator ==(OutboundVendor? left, OutboundVendor? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Different vendors.</summary>
    public static bool operator !=(OutboundVendor? left, OutboundVendor? right) => !(left == right);
}
