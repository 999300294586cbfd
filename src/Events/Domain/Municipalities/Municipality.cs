namespace Kvk.Domain.Municipalities;

/// <summary>A county (län), e.g. code "12", name "Skåne län", short name "Skåne".</summary>
public sealed record County(string Code, string Name, string ShortName)
{
    /// <summary>The county's Wikidata item, e.g. "Q104231" for Stockholms län.</summary>
    public string? WikidataId { get; init; }
}

/// <summary>A population figure, always with its date and source: SCB's count on 2018-12-31 is the latest available here.</summary>
public sealed record Population(int Count, string Date, string Source);

/// <summary>
/// A municipality (kommun) with its official 4-digit code (kept as text: "0180"), its short name
/// ("Stockholm"), its official name ("Stockholms kommun") and its county.
/// </summary>
public sealed record Municipality(string Code, string Name, string OfficialName, County County)
{
    /// <summary>The municipality's Wikidata item, e.g. "Q506250" for Stockholm.</summary>
    public string? WikidataId { get; init; }

    public Population? Population { get; init; }

    /// <summary>SKR's municipality group (kommungrupp, 2023 revision), e.g. "A1" (large cities).</summary>
    public string? MunicipalityGroup { get; init; }
}
