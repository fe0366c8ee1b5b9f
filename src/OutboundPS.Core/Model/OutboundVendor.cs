namespace OutboundPS;

/// <summary>The outbound-calling platforms OutboundPS speaks to.</summary>
public enum OutboundVendor
{
    /// <summary>BYRobot (百应) open API v1.</summary>
    ByRobot,

    /// <summary>iFlytek yeta (讯飞) open API v1.</summary>
    IFlytek,
}
