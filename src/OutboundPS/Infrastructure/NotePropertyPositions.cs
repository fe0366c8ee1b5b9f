using System;
using System.Collections.Specialized;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>
/// Reads a row's note properties by their position, remembered per column from the row before. Import-Csv (and
/// ConvertFrom-Csv, [pscustomobject], Select-Object) gives every row the same columns in the same order, and looking a
/// property up by name costs more than anything else an import does per row: PSObject.Properties hashes the name
/// case-insensitively (slowly, for a Chinese header), under a lock, behind the type table's and adapter's layers.
/// The positions come from PowerShell's own store of a PSObject's instance members, which no public API exposes; where
/// that store is not found (another PowerShell, or an object without instance members) every read takes the public
/// way, with the same answer, since instance members are the first place PowerShell itself looks.
/// </summary>
internal sealed class NotePropertyPositions
{
    private const string ProbeName = "OutboundPSPositionProbe";
    private static readonly Func<PSObject, OrderedDictionary?>? InstanceMembersOf = CompileInstanceMembersReader();
    private string[] _names = new string[4];
    private int[] _positions = new int[4];
    private int _count;

    /// <summary>True when this PowerShell's instance members can be read by position.</summary>
    internal static bool Available => InstanceMembersOf is not null;

    /// <summary>The value of the property <paramref name="name"/> (case-insensitive), as PSObject.Properties would give it.</summary>
    internal object? ValueOf(PSObject row, string name)
    {
        var members = InstanceMembersOf?.Invoke(row);
        if (members is not null)
        {
            var slot = SlotOf(name);
            var position = _positions[slot];
            if (position < members.Count && members[position] is PSNoteProperty remembered && NameIs(remembered, name))
                return remembered.Value;
            for (var i = 0; i < members.Count; i++)
            {
                if (members[i] is PSNoteProperty note && NameIs(note, name))
                {
                    _positions[slot] = i;
                    return note.Value;
                }
            }
        }

        // Not a note property of this object (a .NET property, a type-table member, or absent): PowerShell's own lookup.
        return row.Properties[name]?.Value;
    }

    // The column names are the same string instances every row, so Equals mostly stops at the reference check.
    private static bool NameIs(PSNoteProperty note, string name) => string.Equals(note.Name, name, StringComparison.OrdinalIgnoreCase);

    private int SlotOf(string name)
    {
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_names[i], name) || string.Equals(_names[i], name, StringComparison.Ordinal)) return i;
        }

        if (_count == _names.Length)
        {
            Array.Resize(ref _names, _count * 2);
            Array.Resize(ref _positions, _count * 2);
        }

        _names[_count] = name;
        _positions[_count] = 0;
        return _count++;
    }

    /// <summary>
    /// row._instanceMembers?._members, compiled once: the instance-member collection PowerShell keeps on a PSObject, and
    /// the ordered dictionary inside it (name to member, in the order the members were added). Null when either field is
    /// missing or of another type.
    /// </summary>
    private static Func<PSObject, OrderedDictionary?>? CompileInstanceMembersReader()
    {
        try
        {
            const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
            var collectionField = typeof(PSObject).GetField("_instanceMembers", Private);
            var dictionaryField = collectionField?.FieldType.GetField("_members", Private);
            if (dictionaryField is null || dictionaryField.FieldType != typeof(OrderedDictionary)) return null;
            var row = Expression.Parameter(typeof(PSObject), "row");
            var collection = Expression.Variable(collectionField!.FieldType, "collection");
            var body = Expression.Block(new[] { collection },
                Expression.Assign(collection, Expression.Field(row, collectionField)),
                Expression.Condition(Expression.Equal(collection, Expression.Constant(null, collection.Type)),
                    Expression.Constant(null, typeof(OrderedDictionary)),
                    Expression.Field(collection, dictionaryField)));
            var reader = Expression.Lambda<Func<PSObject, OrderedDictionary?>>(body, row).Compile();
            // Proven on an object of our own before any row relies on it: the store must hold what Properties.Add put there.
            var probe = new PSObject();
            probe.Properties.Add(new PSNoteProperty(ProbeName, ProbeName));
            return reader(probe) is { Count: 1 } members && members[0] is PSNoteProperty { Name: ProbeName, Value: ProbeName } ? reader : null;
        }
        catch (Exception failure) when (failure is MemberAccessException or ArgumentException or InvalidOperationException or NotSupportedException or InvalidCastException)
        {
            return null;
        }
    }
}
