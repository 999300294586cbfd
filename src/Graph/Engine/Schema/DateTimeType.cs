using GraphQL.Types;

namespace Kvk.Graph.Engine.Schema;

/// <summary>HotChocolate's <c>DateTime</c> scalar: an ISO 8601 date and time with its offset.</summary>
public sealed class DateTimeType : DateTimeOffsetGraphType
{
    public DateTimeType()
    {
        Name = "DateTime";
        Description = "A date and time with offset in ISO 8601, e.g. \"2023-11-15T10:00:00+01:00\".";
    }
}
