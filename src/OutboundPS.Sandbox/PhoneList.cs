using System;
using System.Collections;
using System.Collections.Generic;

namespace OutboundPS.Sandbox;

/// <summary>
/// A task's numbers in arrival order, packed into one character buffer with an end offset per number. The in-process
/// sandbox shares its heap with the client it answers, so a string per stored number would leave 100,000 objects per
/// 100,000-row import for the client's garbage collections to trace and promote; this leaves two arrays. A number is
/// made a string again only when it is read (dialled, listed).
/// </summary>
internal sealed class PhoneList : IReadOnlyList<string>
{
    private char[] _chars = Array.Empty<char>();
    private int[] _ends = Array.Empty<int>();
    private int _length;

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public string this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"The list holds {Count} numbers.");
            var start = index == 0 ? 0 : _ends[index - 1];
            return new string(_chars, start, _ends[index] - start);
        }
    }

    /// <summary>Appends a number.</summary>
    internal void Add(string phone)
    {
        if (Count == _ends.Length) Array.Resize(ref _ends, Math.Max(16, _ends.Length * 2));
        if (_length + phone.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(Math.Max(256, _chars.Length * 2), _length + phone.Length));
        phone.CopyTo(0, _chars, _length, phone.Length);
        _length += phone.Length;
        _ends[Count++] = _length;
    }

    /// <summary>Drops every number and the memory that held them.</summary>
    internal void Clear()
    {
        _chars = Array.Empty<char>();
        _ends = Array.Empty<int>();
        _length = 0;
        Count = 0;
    }

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
