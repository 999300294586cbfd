namespace Kvk.Graph.Explorer;

/// <summary>
/// What a municipality has achieved in the award: the years it won and the years it stood as a nominee. A
/// withdrawn nomination does not count: the municipality did not stand in that round.
/// </summary>
public sealed record MunicipalityAchievement(IReadOnlyList<int> WonIn, IReadOnlyList<int> NominatedIn)
{
    public static MunicipalityAchievement None { get; } = new([], []);

    /// <summary>The map's class for it: <c>winner</c>, <c>nominee</c> or <c>never</c>.</summary>
    public string CssClass => WonIn.Count > 0 ? "winner" : NominatedIn.Count > 0 ? "nominee" : "never";

    /// <summary>"Vann 2023. Nominerad 2021 och 2023." / "Aldrig nominerad."</summary>
    public string Describe(ExplorerLanguage language)
    {
        if (NominatedIn.Count == 0 && WonIn.Count == 0)
        {
            return language.LegendNever + ".";
        }

        var won = WonIn.Count == 0 ? "" : $"{language.WonSentence} {language.List(Years(WonIn))}. ";
        return $"{won}{language.NominatedSentence} {language.List(Years(NominatedIn))}.";
    }

    private static string[] Years(IEnumerable<int> years) => [.. years.Order().Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
