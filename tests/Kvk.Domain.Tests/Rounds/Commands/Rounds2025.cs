using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;
using Kvk.Domain.Sources;

namespace Kvk.Domain.Tests.Rounds.Commands;

/// <summary>The 2025 round at each step of its lifecycle, and how the command tests decide and check an outcome.</summary>
internal static class Rounds2025
{
    public const string Habo = "0643";
    public const string Svedala = "1263";

    public static readonly MunicipalityDirectory Municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);

    public static readonly Source ValidSource = new(" Pressmeddelande ", " Kvalitetsmässan ", " https://kvalitetsmassan.se/ ", "2025-11", "");

    public static readonly Source InvalidSource = new("Pressmeddelande", null, "kvalitetsmassan.se", null, "");

    public static Round Open => Round.Fold([new RoundOpened(2025)])!;

    public static Round Nominated => Round.Fold([new RoundOpened(2025), new MunicipalityNominated(2025, Habo), new MunicipalityNominated(2025, Svedala)])!;

    public static Round Judging => Nominated.Then(new NominationsClosed(2025));

    public static Round Decided => Judging.Then(new JuryDecisionRecorded(2025, Habo, "Habo kommun", "Bra."));

    public static Round Announced => Decided.Then(new AwardAnnounced(2025, Habo, "Habo kommun", "Bra.", null));

    /// <summary>A text of exactly <paramref name="length"/> characters, padded with spaces that do not count.</summary>
    public static string Text(int length) => "  " + new string('a', length) + " ";

    public static Round Then(this Round round, params object[] events) => events.Aggregate((Round?)round, Round.Evolve)!;

    public static RoundOutcome Decide(Round? round, RoundCommand command) => RoundRules.Decide(round, command, Municipalities);

    public static void Refused(RoundOutcome outcome, RefusalCode code)
    {
        Assert.Equal(code, outcome.Refusal?.Code);
        Assert.Empty(outcome.Events);
    }

    public static T Accepted<T>(RoundOutcome outcome)
    {
        Assert.Null(outcome.Refusal);
        return Assert.IsType<T>(Assert.Single(outcome.Events));
    }

    /// <summary>The valid source as a command records it: trimmed, with what it supports.</summary>
    public static Source[] Recorded(string supports) => [new("Pressmeddelande", "Kvalitetsmässan", "https://kvalitetsmassan.se/", "2025-11", supports)];
}
