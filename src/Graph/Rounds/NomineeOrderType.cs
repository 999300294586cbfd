using GraphQL.Types;

namespace Kvk.Graph.Rounds;

/// <summary>How a round lists its nominees.</summary>
public enum NomineeOrder
{
    Name,
    Recorded,
}

public sealed class NomineeOrderType : EnumerationGraphType<NomineeOrder>
{
    public NomineeOrderType()
    {
        Name = "NomineeOrder";
        Description = "How a round lists its nominees.";
        Values["NAME"]!.Description = "Swedish alphabetical order of the municipality's name (å, ä, ö last): the neutral default.";
        Values["RECORDED"]!.Description = "The order the nominations were recorded in Kvk; for a seeded round, the order of its source list (which puts the " +
            "winner first), not an order of nomination.";
    }
}
