using System;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sandbox.IFlytek;

namespace OutboundPS.Tests.Support;

/// <summary>A fresh simulator of either vendor on a manual clock, and the sandbox's stock robot and line.</summary>
internal sealed class VendorSandbox
{
    internal VendorSandbox(OutboundVendor vendor, string appKey = "k", string appSecret = "s")
    {
        Clock = new ManualClock(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(8)));
        Simulator = vendor == OutboundVendor.IFlytek
            ? new IFlytekSimulator(appKey, appSecret, Clock)
            : new ByRobotSimulator(appKey, appSecret, Clock);
        // The robots that need no variable beyond the customer's name, and the first line.
        RobotId = vendor == OutboundVendor.IFlytek ? "720" : "5002";
        LineId = vendor == OutboundVendor.IFlytek ? "055169101401" : "101";
    }

    internal ManualClock Clock { get; }
    internal IVendorSimulator Simulator { get; }
    internal string RobotId { get; }
    internal string LineId { get; }
}
