using System.Text.Json.Serialization;
using OutboundPS.Json;

namespace OutboundPS.ByRobot;

internal sealed class ByRobotCompany
{
    [JsonPropertyName("companyId")] public long? CompanyId { get; set; }
    [JsonPropertyName("companyName")] public string? CompanyName { get; set; }
}

/// <summary>company/getPhones (docs/vendors/byrobot.md#companygetphones).</summary>
internal sealed class ByRobotPhone
{
    [JsonPropertyName("userPhoneId")] public long? UserPhoneId { get; set; }
    [JsonPropertyName("phone"), JsonConverter(typeof(FlexibleStringConverter))] public string? Phone { get; set; }
    [JsonPropertyName("phoneName")] public string? PhoneName { get; set; }
    [JsonPropertyName("phoneType")] public int? PhoneType { get; set; }
    [JsonPropertyName("useAvailable")] public bool? UseAvailable { get; set; }
    [JsonPropertyName("totalConcurrencyQuota")] public int? TotalConcurrencyQuota { get; set; }
    [JsonPropertyName("usedConcurrencyQuota")] public int? UsedConcurrencyQuota { get; set; }
    [JsonPropertyName("validityEnd")] public string? ValidityEnd { get; set; }
}

/// <summary>company/getRobots (docs/vendors/byrobot.md#companygetrobots).</summary>
internal sealed class ByRobotRobot
{
    [JsonPropertyName("robotDefId")] public long? RobotDefId { get; set; }
    [JsonPropertyName("robotName")] public string? RobotName { get; set; }
    [JsonPropertyName("sceneDefId")] public long? SceneDefId { get; set; }
    [JsonPropertyName("sceneRecords")] public ByRobotSceneRecord[]? SceneRecords { get; set; }
}

internal sealed class ByRobotSceneRecord
{
    [JsonPropertyName("sceneRecordId")] public long? SceneRecordId { get; set; }
    [JsonPropertyName("sceneRecordName")] public string? SceneRecordName { get; set; }
}
