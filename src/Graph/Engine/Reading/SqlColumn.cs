namespace Kvk.Graph.Engine.Reading;

/// <summary>
/// A value of a read-model document as SQL: the expression over the row and the PostgreSQL type its
/// values have (used to cast cursor and filter parameters). Text columns sort with Swedish collation.
/// </summary>
public sealed record SqlColumn(string Expression, string SqlType)
{
    public const string SwedishCollation = "\"sv-SE-x-icu\"";

    public static SqlColumn Number(string expression) => new(expression, "int");

    public static SqlColumn Text(string expression) => new(expression, "text");

    public static SqlColumn Timestamp(string expression) => new(expression, "timestamptz");

    public static SqlColumn Boolean(string expression) => new(expression, "boolean");

    /// <summary>The expression as it is ordered and compared: text in Swedish alphabetical order (å, ä, ö after z).</summary>
    public string Ordered => SqlType == "text" ? $"{Expression} collate {SwedishCollation}" : Expression;
}
