using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>Lets -Id / -TaskId take an OutboundTask (or several) as well as id strings.</summary>
internal sealed class TaskIdTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) => Convert(inputData);

    private static object Convert(object input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        return value switch
        {
            OutboundTask task => task.Id,
            string => value,
            IEnumerable items => items.Cast<object>().Select(item => Convert(item)).ToArray(),
            _ => value,
        };
    }
}
