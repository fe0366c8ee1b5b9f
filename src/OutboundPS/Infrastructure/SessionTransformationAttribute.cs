using System.Management.Automation;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>Lets -Session take a session's name as well as the session object.</summary>
internal sealed class SessionTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string name) return value;
        try
        {
            return RunspaceSessions.Current.Find(name);
        }
        catch (OutboundException error)
        {
            throw new ArgumentTransformationMetadataException(error.Message, error);
        }
    }
}
