using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using GraphQL;

namespace Kvk.Graph.Engine.Lists.Paging;

/// <summary>
/// An opaque cursor: the sort-key values of one row, so that it stays valid while rows are added
/// before or after it (keyset paging, not offsets).
/// </summary>
public static class Cursor
{
    public static string Encode(IReadOnlyList<string?> values) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(values));

    public static IReadOnlyList<string?> Decode(string cursor, int expectedKeys)
    {
        try
        {
            var values = JsonSerializer.Deserialize<string?[]>(Base64Url.DecodeFromChars(cursor));
            if (values is not null && values.Length == expectedKeys)
            {
                return values;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            // Reported below: a client learns the cursor is unusable, not how it failed to parse.
        }

        throw Invalid(cursor);
    }

    public static ExecutionError Invalid(string cursor) =>
        new($"The cursor \"{Truncate(cursor)}\" is not valid for this list and order; use a cursor returned by the same query.") { Code = "INVALID_CURSOR" };

    private static string Truncate(string text) => text.Length <= 40 ? text : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)[..40]) + "…";
}
