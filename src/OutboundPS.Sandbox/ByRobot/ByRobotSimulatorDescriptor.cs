namespace OutboundPS.Sandbox.ByRobot;

/// <summary>The BYRobot simulator under its vendor key.</summary>
internal sealed class ByRobotSimulatorDescriptor : SimulatorDescriptor
{
    public override string Key => "ByRobot";

    public override string SimpleRobotId => "5002";

    public override string LineId => "101";

    public override string ImportPath => ByRobotSimulator.ImportPath;

    public override SimulatorBase Create(string appKey, string appSecret, SandboxClock clock) => new ByRobotSimulator(appKey, appSecret, clock);
}
