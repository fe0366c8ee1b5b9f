using System;
using OutboundPS.Import;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>Phone texts as operations staff paste and export them: what is dialled, and why the rest is not.</summary>
public sealed class PhoneNumberTests
{
    // Expected kinds follow China's public numbering plan (MIIT's allocations of mobile blocks to China Mobile,
    // Unicom, Telecom, Broadnet and the virtual operators; area codes and local-number lengths), not this code.
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

        // Assigned mobile blocks of every operator, the 16x/17x/19x ones included.
        { "13012345678", "Mobile", "13012345678" }, // China Unicom
        { "13312345678", "Mobile", "13312345678" }, // China Telecom
        { "15012345678", "Mobile", "15012345678" }, // China Mobile
        { "15512345678", "Mobile", "15512345678" }, // China Unicom
        { "15312345678", "Mobile", "15312345678" }, // China Telecom
        { "18412345678", "Mobile", "18412345678" }, // China Mobile
        { "18612345678", "Mobile", "18612345678" }, // China Unicom
        { "18912345678", "Mobile", "18912345678" }, // China Telecom
        { "16212345678", "Mobile", "16212345678" }, // virtual operators (Telecom)
        { "16512345678", "Mobile", "16512345678" }, // virtual operators (Mobile)
        { "16612345678", "Mobile", "16612345678" }, // China Unicom
        { "16712345678", "Mobile", "16712345678" }, // virtual operators (Unicom)
        { "17012345678", "Mobile", "17012345678" }, // virtual operators
        { "17112345678", "Mobile", "17112345678" }, // virtual operators
        { "17612345678", "Mobile", "17612345678" }, // China Unicom
        { "17712345678", "Mobile", "17712345678" }, // China Telecom
        { "17812345678", "Mobile", "17812345678" }, // China Mobile
        { "17400012345", "Mobile", "17400012345" }, // 1740 0-5: China Telecom's satellite block
        { "19012345678", "Mobile", "19012345678" }, // China Telecom
        { "19112345678", "Mobile", "19112345678" }, // China Telecom
        { "19212345678", "Mobile", "19212345678" }, // China Broadnet
        { "19312345678", "Mobile", "19312345678" }, // China Telecom
        { "19512345678", "Mobile", "19512345678" }, // China Mobile
        { "19612345678", "Mobile", "19612345678" }, // China Unicom
        { "19712345678", "Mobile", "19712345678" }, // China Mobile
        { "19812345678", "Mobile", "19812345678" }, // China Mobile

        // Blocks that are not a person's mobile: data-only/IoT (140-144) and never assigned (154, 160, 163, 168, 169, 179).
        { "14012345678", "Invalid", "the mobile range 1401234xxxx" },
        { "14112345678", "Invalid", "the mobile range 1411234xxxx" },
        { "14412345678", "Invalid", "the mobile range 1441234xxxx" },
        { "15412345678", "Invalid", "the mobile range 1541234xxxx" },
        { "16012345678", "Invalid", "the mobile range 1601234xxxx" },
        { "16312345678", "Invalid", "the mobile range 1631234xxxx" },
        { "16812345678", "Invalid", "the mobile range 1681234xxxx" },
        { "16912345678", "Invalid", "the mobile range 1691234xxxx" },
        { "17912345678", "Invalid", "the mobile range 1791234xxxx" },
        { "17412345678", "Invalid", "the mobile range 1741234xxxx" },

        // Landlines: 010 and 02x take 8 digits in these cities, as 0551 (Hefei), 0571, 0591, 0731, 0755, 0871, 0898 do.
        { "010-68712345", "Landline", "01068712345" },
        { "(010) 6255 2345", "Landline", "01062552345" },
        { "021-23456789", "Landline", "02123456789" },
        { "020-87654321", "Landline", "02087654321" },
        { "022-23456789", "Landline", "02223456789" },
        { "023-65432109", "Landline", "02365432109" },
        { "025-83456789", "Landline", "02583456789" },
        { "027-87654321", "Landline", "02787654321" },
        { "028-87654321", "Landline", "02887654321" },
        { "029-87654321", "Landline", "02987654321" },
        { "0551-69101401", "Landline", "055169101401" },
        { "0551-65123456", "Landline", "055165123456" },
        { "0755 8601 3388", "Landline", "075586013388" },
        { "0571-87654321", "Landline", "057187654321" },
        { "0591-87654321", "Landline", "059187654321" },
        { "0731-87654321", "Landline", "073187654321" },
        { "0871-65432109", "Landline", "087165432109" },
        { "0898-65432109", "Landline", "089865432109" },
        { "+86 10 6871 2345", "Landline", "01068712345" },
        { "+86 551 6910 1401", "Landline", "055169101401" },
        { "+86 (0)551 6910 1401", "Landline", "055169101401" },
        { "0086 21 2345 6789", "Landline", "02123456789" },

        // Landline ranges no one has: 7-digit numbers where the city went to 8 (Beijing, Shanghai, Shenzhen), and
        // area codes never assigned (06xx holds only 0631-0635, 066x and 069x).
        { "010-1234567", "Invalid", "the landline range 010 1234xxx" },
        { "021-2345678", "Invalid", "the landline range 021 2345xxx" },
        { "0755 2345678", "Invalid", "the landline range 0755 2345xxx" },
        { "0601-2345678", "Invalid", "the landline range 0601 2345xxx" },
        { "0600-23456789", "Invalid", "the landline range 0600 2345xxxx" },

        // Service numbers reach a company, not a customer: 400 (shared cost), 800 (toll-free), short codes.
        { "4008001234", "Invalid", "is a 400 number" },
        { "400-820-8820", "Invalid", "is a 400 number" },
        { "8008001234", "Invalid", "is an 800 number" },
        { "800-810-8888", "Invalid", "is an 800 number" },
        { "95588", "Invalid", "short service code" }, // ICBC
        { "95555", "Invalid", "short service code" }, // China Merchants Bank
        { "10086", "Invalid", "short service code" }, // China Mobile
        { "10010", "Invalid", "short service code" }, // China Unicom
        { "12345", "Invalid", "short service code" }, // citizens' hotline
        { "114", "Invalid", "short service code" }, // directory enquiries
        { "110", "Invalid", "emergency number" },
        { "120", "Invalid", "emergency number" },

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

    [Theory]
    [InlineData("15412345678", "Mobile", "15412345678")]
    [InlineData("14012345678", "Mobile", "14012345678")]
    [InlineData("0601-2345678", "Landline", "06012345678")]
    [InlineData("021-2345678", "Landline", "0212345678")]
    public void AllowUnassignedRange_DialsTheNumberByItsShape(string text, string kindName, string expected)
    {
        var check = PhoneNumber.Check(text, allowUnassignedRange: true);

        Assert.Equal(Enum.Parse<PhoneKind>(kindName), check.Kind);
        Assert.Equal(expected, check.Number);
        Assert.Equal(PhoneKind.Invalid, PhoneNumber.Check(text, allowUnassignedRange: false).Kind);
    }

    [Theory]
    [InlineData("4008001234", "is a 400 number")]
    [InlineData("95588", "short service code")]
    [InlineData("110", "emergency number")]
    [InlineData("+1 312 555 0123", "outside mainland China")]
    [InlineData("12345678901", "not a mainland mobile")]
    public void AllowUnassignedRange_StillRefusesServiceAndForeignNumbers(string text, string expected)
    {
        var check = PhoneNumber.Check(text, allowUnassignedRange: true);

        Assert.Equal(PhoneKind.Invalid, check.Kind);
        Assert.Contains(expected, check.Problem);
    }

    [Fact]
    public void UnassignedRange_ReasonNamesTheRangeAndTheLibraryVersion()
    {
        var check = PhoneNumber.Check("15412345678");

        // 9.0.43 is the version pinned in OutboundPS.Core.csproj; the message must follow the assembly, not a literal of its own.
        Assert.Equal("is in the mobile range 1541234xxxx, which libphonenumber 9.0.43 does not list as assigned.", check.Problem);
        Assert.Contains("-AllowUnassignedRange", check.Fix);
    }

    [Fact]
    public void UnassignedRange_ImportErrorNamesTheRowTheColumnAndTheSwitch()
    {
        var reader = new CustomerRowReader(new Contract.CustomerColumns("手机号码", null, System.Array.Empty<string>()),
            new Contract.CustomerRules { VendorName = "BYRobot", AcceptsLandlines = true });
        var row = new DictionaryInputRow(new[] { new System.Collections.Generic.KeyValuePair<string, string?>("手机号码", "140 1234 5678") });

        Assert.Null(reader.Read(row, 3, out _, out _, out var error));
        Assert.Equal("OutboundPS.InvalidRow.Phone", error!.ErrorId);
        Assert.StartsWith("Row 3, column 手机号码 '140 1234 5678': is in the mobile range 1401234xxxx", error.Message);
        Assert.Contains("-AllowUnassignedRange accepts it) and import the row again.", error.Message);

        var allowing = new CustomerRowReader(reader.Columns,
            new Contract.CustomerRules { VendorName = "BYRobot", AcceptsLandlines = true }.WithUnassignedRange(true));
        Assert.Equal("14012345678", allowing.Read(row, 3, out _, out _, out _)!.Phone);
    }
}
