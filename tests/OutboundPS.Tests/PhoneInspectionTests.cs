using OutboundPS.Import;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>Test-OutboundPhone's answer for one number, and the region call records carry.</summary>
public sealed class PhoneInspectionTests
{
    [Theory]
    // 1380013 is a China Mobile block in Beijing; 0551 is Hefei's area code, in Anhui.
    [InlineData("13800138000", "Chinese", "北京市")]
    [InlineData("0551-65123456", "Chinese", "安徽省合肥市")]
    [InlineData("13800138000", "English", "Beijing")]
    [InlineData("0551-65123456", "English", "Hefei, Anhui")]
    [InlineData("021-23456789", "Chinese", "上海市")]
    [InlineData("+86 10 6871 2345", "Chinese", "北京市")]
    public void Region_IsTheGeocodersProvinceAndCity(string text, string language, string region)
    {
        var check = new PhoneListCheck(null, false, language).Text(text, text);

        Assert.Equal(region, check.Region);
        Assert.True(check.Valid);
    }

    [Theory]
    [InlineData("138 0013 8000", "Mobile", true, "13800138000", "+8613800138000")]
    [InlineData("0551-65123456", "Landline", true, "055165123456", "+8655165123456")]
    [InlineData("15412345678", "Unassigned", false, "15412345678", null)]
    [InlineData("4008001234", "SharedCost", false, "4008001234", "+864008001234")]
    [InlineData("8008001234", "TollFree", false, "8008001234", "+868008001234")]
    [InlineData("95588", "ShortCode", false, "95588", null)]
    [InlineData("+44 20 7946 0958", "Invalid", false, null, null)]
    [InlineData("", "Invalid", false, null, null)]
    public void Inspect_GivesKindValidityAndBothForms(string text, string kind, bool valid, string? national, string? e164)
    {
        var check = new PhoneListCheck(null, false, null).Text(text, text);

        Assert.Equal(System.Enum.Parse<OutboundPhoneKind>(kind), check.Kind);
        Assert.Equal(valid, check.Valid);
        Assert.Equal(national, check.National);
        Assert.Equal(e164, check.E164);
        Assert.Equal(text, check.Input);
        if (valid) Assert.Null(check.Reason);
        else Assert.StartsWith($"'{text}' ", check.Reason);
    }

    [Fact]
    public void Inspect_AllowUnassignedRange_ValidButStillNamedUnassigned()
    {
        var check = new PhoneListCheck(null, true, null).Text("15412345678", "15412345678");

        Assert.True(check.Valid);
        Assert.Equal(OutboundPhoneKind.Unassigned, check.Kind);
        Assert.Equal("+8615412345678", check.E164);
        Assert.Null(check.Region);
    }

    [Fact]
    public void Row_FindsThePhoneColumnAsTheImportDoes()
    {
        var check = new PhoneListCheck(null, false, null);
        var row = new DictionaryInputRow(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string?>("姓名", "张三"),
            new System.Collections.Generic.KeyValuePair<string, string?>("手机号码", "13800138000"),
        });

        Assert.Equal("13800138000", check.Row(row, row).National);
        var chosen = new PhoneListCheck("备用电话", false, null);
        var other = new DictionaryInputRow(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string?>("手机号码", "13800138000"),
            new System.Collections.Generic.KeyValuePair<string, string?>("备用电话", "0551-65123456"),
        });
        Assert.Equal("055165123456", chosen.Row(other, other).National);
        Assert.Throws<OutboundException>(() => new PhoneListCheck("电话", false, null).Row(row, row));
    }

    [Theory]
    [InlineData("+86 138 0013 8000", "北京市")]
    [InlineData("055165123456", "安徽省合肥市")]
    [InlineData("15412345678", null)]
    [InlineData(null, null)]
    public void CallRecordRegion_IsInChineseAndOnlyForNumbersInAKnownRange(string? phone, string? region)
    {
        Assert.Equal(region, PhoneInspection.RegionOf(phone));
    }
}
