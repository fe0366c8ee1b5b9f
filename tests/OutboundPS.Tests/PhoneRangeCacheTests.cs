using System;
using System.Collections.Generic;
using System.Globalization;
using OutboundPS.Import;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// The per-range cache must never change an answer: every kept answer (kind, and region in both languages) equals
/// what libphonenumber says for the number itself, across neighbouring blocks, so a key too coarse is caught.
/// </summary>
public sealed class PhoneRangeCacheTests
{
    private static readonly Random Random = new(18);

    private static string Digits(int count) =>
        Random.Next(0, (int)Math.Pow(10, count)).ToString("D" + count.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Asks through the cache for one number of the range, then for another: both must be the library's own answers.</summary>
    private static void AssertSameAsLibrary(string first, string second, List<string> differences)
    {
        foreach (var number in new[] { first, second })
        {
            var kind = PhoneRanges.Kind(number);
            if (kind != PhoneRanges.AskLibrary(number)) differences.Add($"{number}: kind {kind}, library {PhoneRanges.AskLibrary(number)}");
            foreach (var language in new[] { RegionLanguage.Chinese, RegionLanguage.English })
            {
                var region = PhoneRanges.Region(number, language);
                var library = PhoneRanges.AskGeocoder(number, language);
                if (region != library) differences.Add($"{number}: {language} region '{region}', geocoder '{library}'");
            }
        }
    }

    [Fact]
    public void MobileBlocks_CachedAnswersEqualTheLibrarys()
    {
        var differences = new List<string>();
        // Eight neighbouring 7-digit blocks out of every hundred, from 130 to 199: a key of six digits would hand a
        // block its neighbour's answer.
        for (var block = 1_300_000; block < 2_000_000; block++)
        {
            if (block % 100 >= 8) continue;
            var prefix = block.ToString(CultureInfo.InvariantCulture);
            AssertSameAsLibrary(prefix + Digits(4), prefix + Digits(4), differences);
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.GetRange(0, Math.Min(20, differences.Count))));
    }

    [Fact]
    public void LandlineRanges_CachedAnswersEqualTheLibrarys()
    {
        var areas = new List<string> { "010" };
        for (var code = 20; code <= 29; code++) areas.Add("0" + code.ToString(CultureInfo.InvariantCulture));
        for (var code = 310; code <= 999; code++) areas.Add("0" + code.ToString(CultureInfo.InvariantCulture));
        // Local numbers' first digits where the metadata draws lines: 1 (service numbers in some cities), 95xx, 100x, and ordinary ones.
        string[] starts = { "1000", "1001", "1010", "1100", "1234", "2345", "2346", "5555", "6000", "6001", "6512", "8000", "8001", "9500", "9555", "9600" };
        var differences = new List<string>();
        foreach (var area in areas)
        foreach (var start in starts)
        foreach (var localLength in new[] { 7, 8 })
        {
            var head = area + start;
            AssertSameAsLibrary(head + Digits(localLength - 4), head + Digits(localLength - 4), differences);
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.GetRange(0, Math.Min(20, differences.Count))));
    }
}
