using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OutboundPS.Contract;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>Completes -Vendor with the vendors OutboundPS speaks, from their descriptors.</summary>
internal sealed class VendorCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        VendorCatalog.All
            .Where(d => d.Vendor.Key.StartsWith(wordToComplete.Trim('\'', '"'), System.StringComparison.OrdinalIgnoreCase))
            .Select(d => new CompletionResult(d.Vendor.Key, d.Vendor.Key, CompletionResultType.ParameterValue, d.DisplayName));
}
