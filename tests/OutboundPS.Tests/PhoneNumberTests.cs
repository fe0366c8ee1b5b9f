using System;
using OutboundPS.Import;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>Phone texts as operations staff paste and export them: what is dialled, and why the rest is not.</summary>
public sealed class PhoneNumberTests
{
    public static TheoryData<string?, string, string> Cases => new()
    {
        // Mobiles, as typed and exported.
        { "13800138000", "Mobile", "13800138000" },
        { "19912345678", "Mobile", "19912345678" },
        { "138 0013 8000", "Mobile", "13800138000" },
        { "138-0013-8000", "Mobile", "13800138000" },
        { "138.0013.8000", "Mobile", "13800138000" },
        { "(138) 0013 8000", "Mobile", "13800138000" },
        { "  13800138000  ", "Mobile", "13800138000" },
        { "\t13800138000\u00A0", "Mobile", "13800138000" },
        { "+8613800138000", "Mobile", "13800138000" },
        { "+86 138 0013 8000", "Mobile", "13800138000" },
        { "+86-138-0013-8000", "Mobile", "13800138000" },
        { "008613800138000", "Mobile", "13800138000" },
        { "0086 138 0013 8000", "Mobile", "13800138000" },
        { "8613800138000", "Mobile", "13800138000" },
        { "１３８００１３８０００", "Mobile", "13800138000" },
        { "＋８６ １３８ ００１３ ８０００", "Mobile", "13800138000" },
        { "（138）0013－8000", "Mobile", "13800138000" },
        { "138\u30000013\u30008000", "Mobile", "13800138000" },

        // Landlines: 010 and 02x take 7-8 digits, 0[3-9]xx the same after a four-digit code.
        { "010-12345678", "Landline", "01012345678" },
        { "(010) 6255 2345", "Landline", "01062552345" },
        { "021-2345678", "Landline", "0212345678" },
        { "0551-69101401", "Landline", "055169101401" },
        { "0755 2345678", "Landline", "07552345678" },
        { "+86 10 1234 5678", "Landline", "01012345678" },
        { "+86 551 6910 1401", "Landline", "055169101401" },
        { "+86 (0)551 6910 1401", "Landline", "055169101401" },
        { "0086 21 2345 6789", "Landline", "02123456789" },

        // Foreign numbers are refused, never trimmed into mainland-looking ones.
        { "+1 312 555 0123", "Invalid", "outside mainland China" },
        { "+13125550123", "Invalid", "outside mainland China" },
        { "+44 20 7946 0958", "Invalid", "outside mainland China" },
        { "+852 9123 4567", "Invalid", "outside mainland China" },
        { "001 312 555 0123", "Invalid", "outside mainland China" },
        { "+886 912 345 678", "Invalid", "outside mainland China" },

        // Ambiguous or damaged input is refused with the reason.
        { "1.38E+10", "Invalid", "scientific notation" },
        { "1.38001E+10", "Invalid", "scientific notation" },
        { "1.3800138E10", "Invalid", "scientific notation" },
        { "", "Invalid", "is empty" },
        { "   ", "Invalid", "is empty" },
        { null, "Invalid", "is empty" },
        { "12345", "Invalid", "not a mainland mobile" },
        { "5551234567", "Invalid", "not a mainland China mobile or landline" },
        { "12345678901", "Invalid", "not a mainland mobile" },
        { "1380013800", "Invalid", "not a mainland mobile" },
        { "138001380001", "Invalid", "not a mainland mobile" },
        { "62552345", "Invalid", "no area code" },
        { "2345678", "Invalid", "no area code" },
        { "011-12345678", "Invalid", "valid area code" },
        { "010-1234567890", "Invalid", "valid area code" },
        { "0551-123456", "Invalid", "valid area code" },
        { "010-02345678", "Invalid", "valid area code" },
        { "000-12345678", "Invalid", "outside mainland China" },
        { "13800138000 ext 12", "Invalid", "contains 'e'" },
        { "010-12345678转123", "Invalid", "contains '转'" },
        { "tel:13800138000", "Invalid", "contains 't'" },
        { "138001380OO", "Invalid", "contains 'O'" },
        { "86 10 12345678", "Invalid", "not a mainland China mobile or landline" },
        { "4008001234", "Invalid", "not a mainland China mobile or landline" },
        { "++8613800138000", "Invalid", "contains '+'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_DialsOnlyWhatTheUserMeant(string? text, string kindName, string expected)
    {
        var kind = Enum.Parse<PhoneKind>(kindName);
        var check = PhoneNumber.Check(text);

        Assert.Equal(kind, check.Kind);
        if (kind == PhoneKind.Invalid)
        {
            Assert.Null(check.Number);
            Assert.Contains(expected, check.Problem);
            Assert.False(string.IsNullOrEmpty(check.Fix));
        }
        else
        {
            Assert.Equal(expected, check.Number);
        }
    }

    [Fact]
    public void ForeignNumber_ErrorNamesTheColumnTheRowAndTheNumber()
    {
        var reader = new CustomerRowReader(new Contract.CustomerColumns("手机号码", null, System.Array.Empty<string>()),
            new Contract.CustomerRules { VendorName = "BYRobot", AcceptsLandlines = true });
        var row = new DictionaryInputRow(new[] { new System.Collections.Generic.KeyValuePair<string, string?>("手机号码", "+1 312 555 0123") });

        Assert.Null(reader.Read(row, 7, out _, out _, out var error));

        Assert.Equal("OutboundPS.InvalidRow.Phone", error!.ErrorId);
        Assert.StartsWith("Row 7, column 手机号码 '+1 312 555 0123': is an international number outside mainland China", error.Message);
        Assert.Equal("+1 312 555 0123", error.TargetObject);
    }
}
