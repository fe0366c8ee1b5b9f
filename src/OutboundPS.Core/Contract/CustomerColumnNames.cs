using System;
using System.Linq;

namespace OutboundPS.Contract;

/// <summary>The column names by which input rows name a customer's phone and name, in the order they are tried.</summary>
internal static class CustomerColumnNames
{
    internal static readonly string[] Phone = { "Phone", "Mobile", "Tel", "手机号", "手机号码", "客户手机号码", "电话", "电话号码" };
    internal static readonly string[] Name = { "Name", "CustomerName", "姓名", "客户名称", "客户姓名" };

    /// <summary>
    /// Whether a column is one of the <see cref="Name"/> columns, ignoring case. It does not trim, so the callers that
    /// compared untrimmed names still do; one that trimmed trims before calling.
    /// </summary>
    internal static bool IsName(string column) => Name.Contains(column, StringComparer.OrdinalIgnoreCase);
}
