namespace OutboundPS.Sandbox.IFlytek;

/// <summary>The yeta simulator under its vendor key.</summary>
internal sealed class IFlytekSimulatorDescriptor : SimulatorDescriptor
{
    public override string Key => "IFlytek";

    public override string SimpleRobotId => "720";

    public override string LineId => "055169101401";

    public override string ImportPath => IFlytekSimulator.InsertPath;

    public override SimulatorBase Create(string appKey, string appSecret, SandboxClock clock) => new IFlytekSimulator(appKey, appSecret, clock);
}
