using GraphQL.Types;

namespace Kvk.Graph.Engine.Schema;

/// <summary>HotChocolate's sort direction enum.</summary>
public sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Description = "The direction of a sort.";
        Add("ASC", false, "Ascending: smallest first (A to Ö in Swedish alphabetical order, earliest first).");
        Add("DESC", true, "Descending: largest first.");
    }
}
