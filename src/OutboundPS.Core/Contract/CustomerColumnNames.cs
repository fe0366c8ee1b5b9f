namespace OutboundPS.Contract;

/// <summary>The column names by which input rows name a customer's phone and name, in the order they are tried.</summary>
internal static class CustomerColumnNames
{
    internal static readonly string[] Phone = { "Phone", "Mobile", "Tel", "手机号", "手机号码", "客户手机号码", "电话", "电话号码" };
    internal static readonly string[] Name = { "Name", "CustomerName", "姓名", "客户名称", "客户姓名" };
}
