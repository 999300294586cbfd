using System.Text;
using GraphQL;

namespace Kvk.Graph.Engine.Schema;

/// <summary>Opaque global object IDs: base64 of "Type:key", e.g. "Award:2023".</summary>
public static class GlobalId
{
    public static string Encode(string typeName, string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{key}"));

    public static (string TypeName, string Key) Decode(string id)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(id));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon < text.Length - 1)
            {
                return (text[..colon], text[(colon + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Reported below with the same words as any other unusable ID.
        }

        throw new ExecutionError($"\"{id}\" is not a Kvk ID; use an `id` returned by this service.") { Code = "INVALID_ID" };
    }
}
