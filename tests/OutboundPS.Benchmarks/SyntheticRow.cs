using System.Collections.Generic;
using System.Globalization;
using OutboundPS.Import;

namespace OutboundPS.Benchmarks;

/// <summary>A generated customer row: distinct mobile, a name and one variable, as Import-Csv would give them.</summary>
internal sealed class SyntheticRow : IInputRow
{
    private static readonly string[] Names = { "手机号码", "姓名", "金额" };
    private readonly long _index;

    internal SyntheticRow(long index) => _index = index;

    public IReadOnlyList<string> PropertyNames => Names;

    public string? GetValue(string name) => name switch
    {
        "手机号码" => (13_000_000_000L + _index).ToString(CultureInfo.InvariantCulture),
        "姓名" => "客户",
        _ => "100",
    };
}
