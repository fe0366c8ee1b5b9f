using System;
using System.Runtime.InteropServices;
using System.Security;

namespace OutboundPS.Contract;

/// <summary>Reads a SecureString for the one moment a request needs it; the plain text is never stored.</summary>
internal static class SecretText
{
    internal static string Reveal(SecureString secret)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
        try
        {
            return Marshal.PtrToStringUni(pointer) ?? string.Empty;
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    internal static SecureString Protect(string text)
    {
        var secret = new SecureString();
        foreach (var c in text) secret.AppendChar(c);
        secret.MakeReadOnly();
        return secret;
    }
}
