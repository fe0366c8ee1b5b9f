using System.Collections.Generic;
using System.Globalization;
using OutboundPS.Import;

namespace OutboundPS.Benchmarks;

/// <summary>
/// A generated customer row: distinct mobile, a name and one variable, as Import-Csv would give them; with
/// <see cref="BadEvery"/> set, every so many rows carry a number no one can dial (Rejected).
/// </summary>
internal sealed class SyntheticRow : IInputRow
{
    /// <summary>What a bad row's phone is.</summary>
    internal const string BadPhone = "12345";

    private static readonly string[] Names = { "手机号码", "姓名", "金额" };
    private readonly long _index;
    private readonly long _badEvery;

    internal SyntheticRow(long index, long badEvery = 0)
    {
        _index = index;
        _badEvery = badEvery;
    }

    /// <summary>Whether row <paramref name="index"/> is bad when every <paramref name="badEvery"/>-th is.</summary>
    internal static bool IsBad(long index, long badEvery) => badEvery > 0 && index % badEvery == badEvery - 1;

    public IReadOnlyList<string> PropertyNames => Names;

    public string? GetValue(string name) => name switch
    {
        "手机号码" => IsBad(_index, _badEvery) ? BadPhone : (13_000_000_000L + _index).ToString(CultureInfo.InvariantCulture),
        "姓名" => "客户",
        _ => "100",
    };
}
