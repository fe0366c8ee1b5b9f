using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>
/// Lets -Id / -TaskId take ids (text or numbers) and OutboundTask objects; a task keeps its session, so commands on
/// it act in its own account. Anything else is left as it is, so pipeline binding can try the object's properties.
/// </summary>
internal sealed class TaskIdTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => Convert(inputData);

    private static object? Convert(object? input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        return value switch
        {
            OutboundTask task => new OutboundTaskId(task),
            string text => new OutboundTaskId(text),
            int or long or uint or ulong => new OutboundTaskId(System.Convert.ToString(value, CultureInfo.InvariantCulture)!),
            IEnumerable items when value is not IDictionary => items.Cast<object?>().Select(Convert).ToArray(),
            _ => input,
        };
    }
}
