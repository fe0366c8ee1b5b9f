using System;
using System.Collections;
using System.Collections.Generic;

namespace OutboundPS.Sandbox;

/// <summary>
/// A task's numbers in arrival order, packed into character blocks with one packed position per number. The in-process
/// sandbox shares its heap with the client it answers, so a string per stored number would leave 100,000 objects per
/// 100,000-row import for the client's garbage collections to trace and promote; this leaves a few arrays. The blocks are
/// of a fixed size below the large-object threshold, so a growing list neither copies what it holds nor allocates on
/// the large-object heap, whose every few megabytes cost the client a full collection. A number is made a string
/// again only when it is read (dialled, listed).
/// </summary>
internal sealed class PhoneList : IReadOnlyList<string>
{
    // 32 KB each: well under the 85,000 bytes at which .NET puts an array on the large-object heap.
    private const int CharsPerBlock = 16 * 1024;
    private const int PositionsPerBlock = 4 * 1024;
    private readonly List<char[]> _chars = new();
    private readonly List<long[]> _positions = new();
    private int _used = CharsPerBlock;

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public string this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"The list holds {Count} numbers.");
            var position = _positions[index / PositionsPerBlock][index % PositionsPerBlock];
            return new string(_chars[(int)(position >> 32)], (int)(position >> 16) & 0xFFFF, (int)position & 0xFFFF);
        }
    }

    /// <summary>Appends a number; a number never spans two blocks.</summary>
    internal void Add(string phone)
    {
        if (phone.Length > CharsPerBlock) throw new ArgumentException($"A stored number has at most {CharsPerBlock} characters.", nameof(phone));
        if (_used + phone.Length > CharsPerBlock)
        {
            _chars.Add(new char[CharsPerBlock]);
            _used = 0;
        }

        phone.CopyTo(0, _chars[_chars.Count - 1], _used, phone.Length);
        if (Count % PositionsPerBlock == 0) _positions.Add(new long[PositionsPerBlock]);
        _positions[_positions.Count - 1][Count % PositionsPerBlock] = ((long)(_chars.Count - 1) << 32) | ((long)_used << 16) | (uint)phone.Length;
        _used += phone.Length;
        Count++;
    }

    /// <summary>Drops every number and the memory that held them.</summary>
    internal void Clear()
    {
        _chars.Clear();
        _positions.Clear();
        _used = CharsPerBlock;
        Count = 0;
    }

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
