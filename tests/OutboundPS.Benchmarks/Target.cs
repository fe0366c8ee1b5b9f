using System.Globalization;

namespace OutboundPS.Benchmarks;

/// <summary>What one figure must reach: at least, or at most, <see cref="Bar"/> in <see cref="Unit"/>.</summary>
internal sealed record Target(double Bar, bool AtLeast, string Unit, string Format = "N1")
{
    internal bool IsMetBy(double value) => AtLeast ? value >= Bar : value <= Bar;

    /// <summary>A measured value in this target's unit, as the verdict prints it.</summary>
    internal string Show(double value) => value.ToString(Format, CultureInfo.InvariantCulture) + " " + Unit;

    public override string ToString() => (AtLeast ? ">= " : "<= ") + Bar.ToString("#,0.##", CultureInfo.InvariantCulture) + " " + Unit;
}
