using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using PhoneNumbers;
using LibraryNumber = PhoneNumbers.PhoneNumber;

namespace OutboundPS.Import;

/// <summary>What the numbering metadata says a mainland number is.</summary>
internal enum RangeKind
{
    /// <summary>The metadata lists no such range: not assigned when the library was released, or not a number at all.</summary>
    Unassigned,
    Mobile,
    Landline,

    /// <summary>A 400 number: the caller and the company share the cost; it reaches a company's service line.</summary>
    SharedCost,

    /// <summary>An 800 number: free for the caller; it reaches a company's service line.</summary>
    TollFree,

    /// <summary>A kind of number no customer list should hold (premium rate, VoIP, paging, ...).</summary>
    OtherService,
}

/// <summary>The language of a region's name.</summary>
internal enum RegionLanguage
{
    /// <summary>As the geocoder writes it in Chinese: 北京市, 安徽省合肥市.</summary>
    Chinese,

    /// <summary>As the geocoder writes it in English: Beijing; Hefei, Anhui.</summary>
    English,
}

/// <summary>
/// libphonenumber's answers about mainland numbers, asked once per number range and kept, since the library costs
/// about 2 µs a number and an import reads millions. A range is what decides the library's answer: a mobile's first
/// seven digits (the operator's block, HLR code included), a landline's area code with the first four digits of the
/// local number and the number's length. PhoneNumberTests proves the kept answers equal the library's own.
/// </summary>
internal static class PhoneRanges
{
    // Enough for every mobile block a large list touches; past it answers are asked, not kept, so memory stays flat.
    private const int CacheLimit = 100_000;
    private const int MobileRangeDigits = 7;
    private const int LocalRangeDigits = 4;

    private static readonly ConcurrentDictionary<long, Range> Cache = new();

    // The kinds of mobile blocks already asked, by a block's first three digits (130-199) and then its next four, each
    // table made when its first block is asked (10 KB): the import asks for every row, and an index is far cheaper than
    // hashing a key. 0 is "not asked yet", otherwise the kind plus one.
    private static readonly byte[]?[] MobileKinds = new byte[70][];
    private static readonly Locale ChineseLocale = new("zh", "CN");

    /// <summary>The libphonenumber release whose metadata decides, as its assembly states it (9.0.43).</summary>
    internal static string LibraryVersion { get; } = ReadVersion();

    /// <summary>The metadata's kind for a national number (digits, trunk 0 kept): from the kept range when there is one.</summary>
    internal static RangeKind Kind(string national)
    {
        if (!IsMobileBlock(national)) return Lookup(national).Kind;
        var prefix = 0;
        for (var i = 0; i < MobileRangeDigits; i++) prefix = (prefix * 10) + (national[i] - '0');
        var head = (prefix / 10_000) - 130;
        var block = prefix % 10_000;
        var kinds = MobileKinds[head] ?? System.Threading.Interlocked.CompareExchange(ref MobileKinds[head], new byte[10_000], null) ?? MobileKinds[head]!;
        var known = kinds[block];
        if (known != 0) return (RangeKind)(known - 1);
        var kind = Lookup(national).Kind;
        kinds[block] = (byte)(kind + 1);
        return kind;
    }

    /// <summary>Eleven characters, 1[3-9] and then digits: a number whose first seven digits name a mobile block.</summary>
    private static bool IsMobileBlock(string national)
    {
        if (national.Length != 11 || national[0] != '1' || national[1] < '3' || national[1] > '9') return false;
        for (var i = 2; i < MobileRangeDigits; i++)
            if (national[i] is < '0' or > '9') return false;
        return true;
    }

    /// <summary>The geocoder's province and city for a national number, or null when it knows none.</summary>
    internal static string? Region(string national, RegionLanguage language) => NullIfEmpty(Lookup(national).Region(language));

    /// <summary>The library asked directly, nothing kept: what the cache must always agree with.</summary>
    internal static RangeKind AskLibrary(string national) => new Range(national).Kind;

    /// <summary>The geocoder asked directly, nothing kept.</summary>
    internal static string? AskGeocoder(string national, RegionLanguage language) => NullIfEmpty(new Range(national).Region(language));

    /// <summary>
    /// Whether the library's short-number metadata knows the digits as a mainland service code (95588, 10086, 12345,
    /// 110); <paramref name="emergency"/> tells the emergency ones.
    /// </summary>
    internal static bool IsShortCode(string digits, out bool emergency)
    {
        emergency = false;
        if (digits.Length is < 3 or > 8 || digits[0] == '0') return false;
        var shortNumbers = ShortNumberInfo.GetInstance();
        var number = new LibraryNumber.Builder()
            .SetCountryCode(86)
            .SetNationalNumber(ulong.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture))
            .Build();
        if (!shortNumbers.IsValidShortNumberForRegion(number, "CN")) return false;
        emergency = shortNumbers.IsEmergencyNumber(digits, "CN");
        return true;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>
    /// How a range reads in a message: its known digits, an x for each digit that varies within it, a space after a
    /// landline's area code (1541234xxxx, 0755 2345xxx).
    /// </summary>
    internal static string Describe(string national)
    {
        var digits = RangeDigits(national);
        if (digits == 0) return national;
        var shown = national.Substring(0, digits) + new string('x', national.Length - digits);
        return national[0] == '0' ? shown.Insert(AreaCodeLength(national), " ") : shown;
    }

    /// <summary>The E.164 form of a national number: +86 and the number without its trunk 0.</summary>
    internal static string ToE164(string national) => "+86" + (national.Length > 0 && national[0] == '0' ? national.Substring(1) : national);

    /// <summary>The digits that decide the library's answer for this length of number; 0 when it has no range kept.</summary>
    private static int RangeDigits(string national)
    {
        if (national.Length == 11 && national[0] == '1') return MobileRangeDigits;
        if (national.Length is >= 10 and <= 12 && national[0] == '0') return AreaCodeLength(national) + LocalRangeDigits;
        return 0;
    }

    /// <summary>010 and 02x are the three-digit area codes (trunk 0 included); every other one has four.</summary>
    internal static int AreaCodeLength(string national) => national[1] is '1' or '2' ? 3 : 4;

    private static Range Lookup(string national)
    {
        var digits = RangeDigits(national);
        if (digits == 0) return new Range(national);
        // The length and the digit count go into the key too: a landline's leading 0 has no value of its own.
        long key = ((long)national.Length << 48) | ((long)digits << 40);
        long prefix = 0;
        for (var i = 0; i < digits; i++) prefix = (prefix * 10) + (national[i] - '0');
        key |= prefix;
        if (Cache.TryGetValue(key, out var range)) return range;
        range = new Range(national);
        if (Cache.Count < CacheLimit) Cache.TryAdd(key, range);
        return range;
    }

    private static string ReadVersion()
    {
        var assembly = typeof(PhoneNumberUtil).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational!.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }

        return assembly.GetName().Version?.ToString(3) ?? "(unknown version)";
    }

    /// <summary>One range's answers; the number it was first asked for stands for the rest of it.</summary>
    private sealed class Range
    {
        private readonly LibraryNumber _number;
        private string? _chinese;
        private string? _english;

        internal Range(string national)
        {
            _number = new LibraryNumber.Builder()
                .SetCountryCode(86)
                .SetNationalNumber(ulong.Parse(national[0] == '0' ? national.Substring(1) : national, NumberStyles.None, CultureInfo.InvariantCulture))
                .Build();
            Kind = PhoneNumberUtil.GetInstance().GetNumberType(_number) switch
            {
                PhoneNumberType.MOBILE => RangeKind.Mobile,
                PhoneNumberType.FIXED_LINE => RangeKind.Landline,
                PhoneNumberType.FIXED_LINE_OR_MOBILE => national[0] == '0' ? RangeKind.Landline : RangeKind.Mobile,
                PhoneNumberType.SHARED_COST => RangeKind.SharedCost,
                PhoneNumberType.TOLL_FREE => RangeKind.TollFree,
                PhoneNumberType.UNKNOWN => RangeKind.Unassigned,
                _ => RangeKind.OtherService,
            };
        }

        internal RangeKind Kind { get; }

        // A benign race: two threads may both ask the geocoder, and both get the same text.
        internal string? Region(RegionLanguage language) => language == RegionLanguage.English
            ? _english ??= Geocode(Locale.English)
            : _chinese ??= Geocode(ChineseLocale);

        private string Geocode(Locale locale) =>
            Kind == RangeKind.Unassigned ? string.Empty : PhoneNumberOfflineGeocoder.GetInstance().GetDescriptionForNumber(_number, locale);
    }
}
