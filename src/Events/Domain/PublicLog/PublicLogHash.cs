using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kvk.Domain.PublicLog;

/// <summary>
/// The arithmetic of the public log, in one place: an entry's hash, a decision's seal and the data version they name.
/// docs/data.md states the same rules for anyone who checks a log without Kvk.
/// </summary>
public static class PublicLogHash
{
    /// <summary>The <c>previous</c> of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The data version of a log with no entry.</summary>
    public const string EmptyVersion = "0-00000000";

    /// <summary>An entry's hash: SHA-256 of its canonical JSON (<see cref="CanonicalJson"/>) without <c>hash</c> and <c>revealed</c>, in lowercase hex.</summary>
    public static string OfEntry(string canonicalEntry) => Hex(canonicalEntry);

    /// <summary>
    /// A decision's seal: SHA-256 of the salt, a line feed and the canonical JSON of the decision's data. Published when
    /// the decision is recorded; the salt and data are published at the announcement, and anyone can then recompute it.
    /// </summary>
    public static string Seal(string salt, JsonElement data) => Hex($"{salt}\n{CanonicalJson.Of(data)}");

    /// <summary>The data version that names a log: its last position and the first eight hex digits of its last hash, e.g. <c>110-3fa9c1e2</c>.</summary>
    public static string DataVersion(long position, string hash) =>
        position == 0 ? EmptyVersion : string.Create(CultureInfo.InvariantCulture, $"{position}-{hash[..8]}");

    /// <summary>Reads a data version: its position and the first eight hex digits of the hash it names.</summary>
    /// <returns>False for text of another form (the position without leading zeros, the digits in lowercase).</returns>
    public static bool TryParseDataVersion(string text, out long position, out string hashPrefix)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        hashPrefix = dash < 0 ? "" : text[(dash + 1)..];
        var digits = dash < 0 ? "" : text[..dash];
        var valid = digits.Length is > 0 and <= 18 && digits.All(char.IsAsciiDigit) && (digits == "0" || digits[0] != '0')
            && hashPrefix.Length == 8 && hashPrefix.All(char.IsAsciiHexDigitLower);
        position = valid ? long.Parse(digits, CultureInfo.InvariantCulture) : 0;
        return valid && (position > 0 || text == EmptyVersion);
    }

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
