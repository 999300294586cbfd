using GraphQL.Types;
using Kvk.Domain.Sources;

namespace Kvk.Graph.Sources;

/// <summary>A source as a secretary gives it; what it supports follows from the mutation it is given with.</summary>
public sealed record SourceInput
{
    public required string Title { get; init; }

    public string? Publisher { get; init; }

    public string? Url { get; init; }

    public string? PublishedOn { get; init; }

    /// <summary>The source for the domain's command; its rule validates it and states what it supports.</summary>
    public static Source? ToSource(SourceInput? input) =>
        input is null ? null : new Source(input.Title, input.Publisher, input.Url, input.PublishedOn, Supports: "");
}

public sealed class SourceInputType : InputObjectGraphType<SourceInput>
{
    public SourceInputType()
    {
        Name = "SourceInput";
        Description = "Where the recorded fact is published, e.g. the press release of an announcement or the organiser's page of a nominee list.";
        Field(x => x.Title).Description("The document's title, e.g. \"Fyra kommuner nominerade till Sveriges KvalitetsKommun 2023\".");
        Field(x => x.Publisher, nullable: true).Description("Who published it, e.g. \"Svenska Mässan\".");
        Field(x => x.Url, nullable: true).Description("Its absolute http or https address; anything else is refused with INVALID_INPUT.");
        Field(x => x.PublishedOn, nullable: true).Description("When it was published, as YYYY, YYYY-MM or YYYY-MM-DD; anything else is " +
            "refused with INVALID_INPUT.");
    }
}
