using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;

namespace Kvk.Domain.Tests.Rounds;

/// <summary>Any sequence of secretariat commands, accepted or refused, leaves a round only in legal states, and every refusal is one its command declares.</summary>
public sealed class RoundRulesProperties
{
    private static readonly MunicipalityDirectory Municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);

    [Property(Arbitrary = [typeof(Commands)], MaxTest = 500)]
    public bool Every_sequence_of_commands_yields_only_legal_states(RoundCommand[] commands)
    {
        Round? round = null;
        var history = new List<object>();
        foreach (var command in commands)
        {
            var outcome = RoundRules.Decide(round, command, Municipalities);
            if (!outcome.IsAccepted && (outcome.Events.Count > 0 || !Declared(command, outcome.Refusal!.Code)))
            {
                return false;
            }

            history.AddRange(outcome.Events);
            round = outcome.Events.Aggregate(round, Round.Evolve);
            if (round is not null && !Legal(round, history))
            {
                return false;
            }
        }

        // The state reached command by command is the state folded from the whole history.
        var folded = Round.Fold(history);
        return folded is null
            ? round is null
            : round is not null && folded.Status == round.Status && folded.Decision == round.Decision && folded.Nominees.SequenceEqual(round.Nominees);
    }

    [Fact]
    public void The_generated_sequences_reach_every_status_so_the_property_is_not_vacuous()
    {
        var reached = Commands.Sequences().Generator.Sample(500, 100)
            .Select(commands => commands.Aggregate((Round?)null, (round, command) => RoundRules.Decide(round, command, Municipalities).Events.Aggregate(round, Round.Evolve)))
            .Where(round => round is not null)
            .Select(round => round!.Status)
            .ToHashSet();

        Assert.Equal(Enum.GetValues<RoundStatus>().ToHashSet(), reached);
    }

    /// <summary>A command refuses only with the codes it declares (its mutation's error union is made of them), or for a year that is no award year.</summary>
    private static bool Declared(RoundCommand command, RefusalCode code) =>
        ((IReadOnlyList<RefusalCode>)command.GetType().GetProperty(nameof(IDeclaredRefusals.Refusals))!.GetValue(null)!).Contains(code)
        || (code == RefusalCode.InvalidInput && !AwardYear.IsPlausible(command.Year));

    private static bool Legal(Round round, List<object> history)
    {
        var decisions = history.OfType<JuryDecisionRecorded>().ToList();
        var announcements = history.OfType<AwardAnnounced>().ToList();
        var opened = history.OfType<RoundOpened>().Count();
        var decidedWhileNominated = decisions.All(d => WasNominatedBefore(history, d));
        return opened == 1
            && history[0] is RoundOpened
            && decisions.Count <= 1
            && announcements.Count <= 1
            && (announcements.Count == 0 || history.IndexOf(decisions.Single()) < history.IndexOf(announcements.Single()))
            && round.Nominees.Distinct().Count() == round.Nominees.Count
            && decidedWhileNominated
            && !history.OfType<MunicipalityNominated>().Any(n => history.IndexOf(n) > FirstIndex<NominationsClosed>(history))
            && history.OfType<MotivationCorrected>().All(c => history.IndexOf(c) > history.IndexOf(announcements.Single()))
            && round.Status switch
            {
                RoundStatus.Nominating => decisions.Count == 0 && FirstIndex<NominationsClosed>(history) == int.MaxValue,
                RoundStatus.Judging => decisions.Count == 0,
                RoundStatus.Decided => decisions.Count == 1 && announcements.Count == 0,
                RoundStatus.Announced => decisions.Count == 1 && announcements.Count == 1,
                _ => false,
            };
    }

    private static bool WasNominatedBefore(List<object> history, JuryDecisionRecorded decision)
    {
        var before = history.Take(history.IndexOf(decision)).ToList();
        var nominated = before.OfType<MunicipalityNominated>().Count(n => n.MunicipalityCode == decision.MunicipalityCode);
        var withdrawn = before.OfType<NominationWithdrawn>().Count(w => w.MunicipalityCode == decision.MunicipalityCode);
        return nominated > withdrawn;
    }

    private static int FirstIndex<T>(List<object> history) => history.FindIndex(e => e is T) is var i and >= 0 ? i : int.MaxValue;

    public static class Commands
    {
        private static readonly string[] Codes = ["0643", "1263", "0180", "1284", "9999"];
        private static readonly string?[] Texts = ["Bra.", "En annan motivering.", "", "  ", null];

        public static Arbitrary<RoundCommand[]> Sequences()
        {
            var year = Gen.Elements(2025, 2025, 2025, 2024);
            var code = Gen.Elements(Codes);
            var text = Gen.Elements(Texts);
            var command = Gen.OneOf(
                year.Select(y => (RoundCommand)new OpenRound(y)),
                Gen.Zip(year, code).Select(t => (RoundCommand)new NominateMunicipality(t.Item1, t.Item2)),
                Gen.Zip(year, code).Select(t => (RoundCommand)new NominateMunicipality(t.Item1, t.Item2)),
                from y in year from c in code from t in text select (RoundCommand)new WithdrawNomination(y, c, t),
                year.Select(y => (RoundCommand)new CloseNominations(y)),
                from y in year from c in code from t in text select (RoundCommand)new RecordJuryDecision(y, c, t!, null),
                year.Select(y => (RoundCommand)new AnnounceAward(y, null)),
                from y in year from m in text from r in text select (RoundCommand)new CorrectMotivation(y, m!, r));
            return Gen.ListOf(command).Select(list => list.ToArray()).ToArbitrary();
        }
    }
}
