using System.Globalization;
using GraphQL;

namespace Kvk.Graph.Engine.Reading;

/// <summary>
/// Read-your-writes between a client and a service of several hosts and a lagging replica: a mutation's answer names the
/// data version it committed at (<see cref="CommittedAtHeader"/>, and <c>extensions.kvk.committedAt</c>), and a read that
/// presents it (<see cref="AfterVersionHeader"/>, or <c>extensions.kvk.afterVersion</c> of one operation) is answered
/// from a source at least that new. A version is the event store's sequence, a non-negative integer, in decimal.
/// </summary>
public static class DataVersion
{
    public const string CommittedAtHeader = "Kvk-Committed-At";

    public const string AfterVersionHeader = "Kvk-After-Version";

    /// <summary>The key under <c>extensions</c> of a request and of an answer.</summary>
    public const string Extension = "kvk";

    public const string InvalidCode = "INVALID_AFTER_VERSION";

    /// <summary>A version as sent: digits only, at most 18 of them (a sequence, never negative).</summary>
    public static bool TryParse(string? text, out long version)
    {
        version = 0;
        return text is { Length: > 0 and <= 18 }
            && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }

    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    public static ExecutionError Invalid(string where) =>
        new($"{where} must be a data version as a mutation's {CommittedAtHeader} (or extensions.kvk.committedAt) gave it: decimal digits only.")
        {
            Code = InvalidCode,
        };

    /// <summary>
    /// The version a request's own <c>extensions.kvk.afterVersion</c> asks for: null when it asks none, an error when it is
    /// not a version (a string of digits, or a whole number).
    /// </summary>
    public static (long? Version, ExecutionError? Error) FromExtensions(Inputs? extensions)
    {
        if (extensions is null || !extensions.TryGetValue(Extension, out var kvk) || kvk is not IDictionary<string, object?> fields
            || !fields.TryGetValue("afterVersion", out var value) || value is null)
        {
            return (null, null);
        }

        var text = value switch
        {
            string s => s,
            int or long or System.Numerics.BigInteger => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => null,
        };
        return TryParse(text, out var version) ? (version, null) : (null, Invalid("extensions.kvk.afterVersion"));
    }
}
