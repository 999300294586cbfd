using System.Text.Json.Nodes;
using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Lists.Filtering;

namespace Kvk.Graph.Downloads;

/// <summary>
/// A download's <c>where</c> that names a county or municipality that does not exist (<c>eq</c> or <c>in</c> on a
/// <c>code</c>) is refused, where the API answers it with an empty list: to the API a filter is a question, and "none"
/// is the true answer to a question about a code no municipality has; a download is a file someone keeps, and an
/// empty file for a mistyped county ("county 31") would be taken for a fact. So the check is the surface's, once, over
/// the where as the API's input types read it (<c>CountyFilterInput.code</c>, <c>MunicipalityFilterInput.code</c>,
/// wherever they are nested).
/// </summary>
public static class KnownCodes
{
    /// <summary>Deeper than the API allows (16) the API refuses the where anyway; the walk stops well before the parser's 64.</summary>
    private const int MaxDepth = 40;

    /// <returns>The refusal, or null when every code named exists.</returns>
    public static string? Unknown(JsonNode? where, IInputObjectGraphType type, MunicipalityDirectory municipalities) =>
        Walk(where, type, "where", municipalities, 0);

    private static string? Walk(JsonNode? node, IInputObjectGraphType type, string path, MunicipalityDirectory municipalities, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (node is JsonArray items)
        {
            return items.Select((item, i) => Walk(item, type, $"{path}[{i}]", municipalities, depth + 1)).FirstOrDefault(r => r is not null);
        }

        if (node is not JsonObject conditions)
        {
            return null;
        }

        foreach (var (name, value) in conditions)
        {
            if (type.GetField(name)?.ResolvedType is not { } fieldType || DownloadColumns.Unwrap(fieldType).Named is not IInputObjectGraphType inner)
            {
                continue; // Not an input of the type: the API's validation says so.
            }

            var at = $"{path}.{name}";
            var refusal = name == "code" && type.Name is "CountyFilterInput" or "MunicipalityFilterInput"
                ? Codes(value, at, type.Name == "CountyFilterInput", municipalities, depth + 1)
                : Walk(value, inner, at, municipalities, depth + 1);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    /// <summary>The codes of a string filter's <c>eq</c> and <c>in</c>, and of its own <c>and</c>/<c>or</c>.</summary>
    private static string? Codes(JsonNode? operations, string path, bool county, MunicipalityDirectory municipalities, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (operations is JsonArray items)
        {
            return items.Select((item, i) => Codes(item, $"{path}[{i}]", county, municipalities, depth + 1)).FirstOrDefault(r => r is not null);
        }

        if (operations is not JsonObject conditions)
        {
            return null;
        }

        foreach (var (name, value) in conditions)
        {
            var named = name switch
            {
                FilterOperators.Eq => value is JsonValue ? [value] : [],
                FilterOperators.In => value as JsonArray ?? [],
                FilterOperators.And or FilterOperators.Or => null,
                _ => (IEnumerable<JsonNode?>)[],
            };
            if (named is null)
            {
                if (Codes(value, $"{path}.{name}", county, municipalities, depth + 1) is { } refusal)
                {
                    return refusal;
                }

                continue;
            }

            foreach (var code in named.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var text) ? text : null).OfType<string>())
            {
                if (county && municipalities.FindCounty(code) is null)
                {
                    return $"No county has the code `{code}` (`{path}.{name}`): a county code is two digits, one of the {municipalities.Counties.Count} " +
                        "counties' (01 Stockholms län … 25 Norrbottens län; `counties` lists them).";
                }

                if (!county && municipalities.Find(code) is null)
                {
                    return $"No municipality has the code `{code}` (`{path}.{name}`): a municipality code is four digits, one of the " +
                        $"{municipalities.All.Count} municipalities' (0180 is Stockholm; `municipalities` lists them).";
                }
            }
        }

        return null;
    }
}
