using Kvk.Domain.Sources;

namespace Kvk.Graph.Meta;

/// <summary>Under which terms Kvk's data may be used, and the sources it is built from: the same words in the schema, the downloads and docs/data.md.</summary>
public static class DataTerms
{
    public const string Licence =
        "The facts (which municipalities were nominated and which won, in which year, and the dates as recorded) are free for any use: "
        + "Kvk dedicates them to the public domain under CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/). "
        + "The jury's motivations are the organiser's words, quoted verbatim: quote them with attribution to Kvalitetsmässan and SKR "
        + "(Sveriges Kommuner och Regioner). Municipality and county codes and boundaries: SCB (CC0); Wikidata ids: Wikidata (CC0); "
        + "population 31 December 2018: SCB (CC0); municipality groups: SKR's classification, cite SKR. The code is MIT-licensed (LICENSE). "
        + "Cite as: Kvk, the open record of Utmärkelsen Sveriges KvalitetsKommun (CITATION.cff), with the data version.";

    /// <summary>The sources the record is built from, as a whole; each fact also carries its own.</summary>
    public static readonly IReadOnlyList<Source> Sources =
    [
        new("Vinnare av Sveriges KvalitetsKommun (a list of the winners 2003–2023 with the jury's motivations; the copy names no publisher, address or date)",
            null, null, null, "the winners and the jury's motivations, quoted verbatim"),
        new("The published nominee lists of each round (one source per round, named on each round)",
            "Kvalitetsmässan, SKR/SKL, Kvalitetsmagasinet, municipalities, Lokalpressen", null, null, "the nominees of each round"),
        new("Kommuner och län, koder (municipality_county.csv of sjbrg/swedish-geodata)", "SCB", "https://github.com/sjbrg/swedish-geodata", null,
            "the 290 municipalities, 21 counties and their codes"),
        new("Wikidata items of the Swedish municipalities and counties", "Wikidata", "https://www.wikidata.org/", null, "the Wikidata ids"),
        new("Folkmängd per kommun 31 december 2018 (table BE0101)", "SCB", "https://www.scb.se/", "2019", "the population figures"),
        new("Kommungruppsindelning (knkopplingar_2025)", "SKR; table published by SCB", "https://skr.se/", "2025-01-01", "the municipality groups"),
    ];
}
