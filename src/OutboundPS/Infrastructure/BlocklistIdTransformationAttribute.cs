using System.Globalization;
using System.Management.Automation;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>Lets -ListId take a group (OutboundBlocklist) or a number as well as the id text.</summary>
internal sealed class BlocklistIdTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            OutboundBlocklist list => list.Id,
            int or long => System.Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => inputData,
        };
    }
}
