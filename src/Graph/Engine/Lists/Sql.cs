namespace Kvk.Graph.Engine.Lists;

/// <summary>The SQL of a value, given the source it is read from: a table's alias, or a JSON object's expression.</summary>
public static class Sql
{
    /// <summary>A column of the row.</summary>
    public static Func<string, string> Column(string column) => source => $"{source}.{column}";

    /// <summary>A text member of the row's JSON document.</summary>
    public static Func<string, string> Text(string member) => source => $"({source}.data->>'{member}')";

    public static Func<string, string> Timestamp(string member) => source => $"({source}.data->>'{member}')::timestamptz";

    public static Func<string, string> Boolean(string member) => source => $"({source}.data->>'{member}')::boolean";

    /// <summary>A JSON object of the row's document, the source of an embedded entity.</summary>
    public static Func<string, string> Json(string member) => source => $"({source}.data->'{member}')";

    /// <summary>A text member of a JSON object (an embedded entity's source).</summary>
    public static Func<string, string> Member(string member) => source => $"({source}->>'{member}')";
}
