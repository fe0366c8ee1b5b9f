using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OutboundPS.ByRobot;

/// <summary>A group as blacklist/group/list reports it (docs/vendors/byrobot.md#companyblacklistgrouplist).</summary>
internal sealed class ByRobotBlacklistGroup
{
    [JsonPropertyName("blacklistInfoGroupId")] public long? BlacklistInfoGroupId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("publicFlag")] public bool? PublicFlag { get; set; }
    [JsonPropertyName("remark")] public string? Remark { get; set; }
}

/// <summary>blacklist/info/page (docs/vendors/byrobot.md#companyblacklistinfopage).</summary>
internal sealed class ByRobotBlacklistPage
{
    [JsonPropertyName("pageNum")] public int? PageNum { get; set; }
    [JsonPropertyName("pageSize")] public int? PageSize { get; set; }
    [JsonPropertyName("total")] public long? Total { get; set; }
    [JsonPropertyName("list")] public ByRobotBlacklistInfo[]? List { get; set; }
}

internal sealed class ByRobotBlacklistInfo
{
    [JsonPropertyName("blacklistInfoId")] public long? BlacklistInfoId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("mobile")] public string? Mobile { get; set; }
    [JsonPropertyName("remark")] public string? Remark { get; set; }
    [JsonPropertyName("gmtCreate")] public string? GmtCreate { get; set; }
}

/// <summary>company/addBlackList: one number into the default group (docs/vendors/byrobot.md#companyaddblacklist).</summary>
internal sealed class ByRobotAddBlacklist
{
    [JsonPropertyName("companyId")] public long CompanyId { get; set; }
    [JsonPropertyName("mobile")] public string Mobile { get; set; } = string.Empty;
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("remark")] public string? Remark { get; set; }
}

/// <summary>company/addBlackList/batch (docs/vendors/byrobot.md#companyaddblacklistbatch).</summary>
internal sealed class ByRobotAddBlacklistBatch
{
    [JsonPropertyName("companyId")] public long CompanyId { get; set; }
    [JsonPropertyName("blacklistInfoGroupId")] public long BlacklistInfoGroupId { get; set; }
    [JsonPropertyName("blacklist")] public IReadOnlyList<ByRobotBlacklistItem> Blacklist { get; set; } = new List<ByRobotBlacklistItem>();
}

internal sealed class ByRobotBlacklistItem
{
    [JsonPropertyName("mobile")] public string Mobile { get; set; } = string.Empty;
    [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
    [JsonPropertyName("remark")] public string? Remark { get; set; }
}

/// <summary>The batch's answer: numbers read and stored. "requset" is the vendor's spelling.</summary>
internal sealed class ByRobotBlacklistBatchCount
{
    [JsonPropertyName("requsetNum")] public int? RequsetNum { get; set; }
    [JsonPropertyName("successNum")] public int? SuccessNum { get; set; }
}

/// <summary>blacklist/group/add and /edit (docs/vendors/byrobot.md#companyblacklistgroupadd).</summary>
internal sealed class ByRobotBlacklistGroupBody
{
    [JsonPropertyName("companyId")] public long CompanyId { get; set; }
    [JsonPropertyName("blacklistInfoGroupId")] public long? BlacklistInfoGroupId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("remark")] public string? Remark { get; set; }
}

/// <summary>blacklist/info/delete and blacklist/group/delete.</summary>
internal sealed class ByRobotBlacklistDelete
{
    [JsonPropertyName("companyId")] public long CompanyId { get; set; }
    [JsonPropertyName("blacklistInfoGroupId")] public long BlacklistInfoGroupId { get; set; }
    [JsonPropertyName("mobile")] public string? Mobile { get; set; }
}
