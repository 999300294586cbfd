using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;
using Kvk.Domain.Sources;

namespace Kvk.Domain.Tests.Rounds;

/// <summary>Any sequence of secretariat commands, accepted or refused, leaves a round only in legal states, and every refusal is one its command
/// declares.</summary>
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
            : round is not null && folded.Status == round.Status && folded.Decision == round.Decision
                && folded.ScheduledAnnouncement == round.ScheduledAnnouncement && folded.Nominees.SequenceEqual(round.Nominees);
    }

    [Fact]
    public void The_generated_sequences_reach_every_status_so_the_property_is_not_vacuous()
    {
        var reached = Commands.Sequences().Generator.Sample(500, 100)
            .Select(commands => commands.Aggregate(
                (Round?)null,
                (round, command) => RoundRules.Decide(round, command, Municipalities).Events.Aggregate(round, Round.Evolve)))
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
            && history.OfType<DecisionRevised>().All(r => announcements.Count == 0 || history.IndexOf(r) < history.IndexOf(announcements.Single()))
            && (round.Decision is null || round.IsNominated(round.Decision.MunicipalityCode))
            && (round.ScheduledAnnouncement is null || round.Status == RoundStatus.Decided)
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

    [Fact]
    public void The_generator_makes_every_command_so_a_new_one_cannot_be_forgotten()
    {
        var commands = typeof(RoundCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(RoundCommand)) && !t.IsAbstract).ToHashSet();

        Assert.Equal(commands, Commands.ByType.Keys.ToHashSet());
        Assert.Equal(commands, Commands.Sequences().Generator.Sample(200, 50).SelectMany(s => s).Select(c => c.GetType()).ToHashSet());
    }

    public static class Commands
    {
        private static readonly string[] Codes = ["0643", "1263", "0180", "1284", "9999"];
        private static readonly string?[] Texts = ["Bra.", "En annan motivering.", "", "  ", null];
        private static readonly DateTimeOffset Now = new(2025, 11, 1, 12, 0, 0, TimeSpan.FromHours(1));
        private static readonly DateTimeOffset?[] Moments = [null, Now.AddMinutes(-5), Now, Now.AddDays(1), Now.AddDays(2)];
        private static readonly Source?[] Sources = [null, null, new("Pressmeddelande", "Kvalitetsmässan", "https://kvalitetsmassan.se/", "2025", ""),
            new("", null, null, null, "")];

        private static readonly Gen<int> Year = Gen.Elements(2025, 2025, 2025, 2024);
        private static readonly Gen<string> Code = Gen.Elements(Codes);
        private static readonly Gen<string?> Text = Gen.Elements(Texts);
        private static readonly Gen<DateTimeOffset?> Moment = Gen.Elements(Moments);
        private static readonly Gen<Source?> Source = Gen.Elements(Sources);
        private static readonly Gen<string?> MaybeCode = Gen.Elements<string?>([null, .. Codes]);

        /// <summary>A generator of each command, by its type: a test holds that every command has one.</summary>
        public static readonly IReadOnlyDictionary<Type, Gen<RoundCommand>> ByType = new Dictionary<Type, Gen<RoundCommand>>
        {
            [typeof(OpenRound)] = Year.Select(y => (RoundCommand)new OpenRound(y)),
            [typeof(NominateMunicipality)] = from y in Year from c in Code from s in Source select (RoundCommand)new NominateMunicipality(y, c, s),
            [typeof(WithdrawNomination)] = from y in Year from c in Code from t in Text from n in Text select (RoundCommand)new WithdrawNomination(y, c, t, n),
            [typeof(CloseNominations)] = Year.Select(y => (RoundCommand)new CloseNominations(y)),
            [typeof(RecordJuryDecision)] = from y in Year
                                           from c in Code
                                           from t in Text
                                           from n in Text
                                           from s in Source
                                           select (RoundCommand)new RecordJuryDecision(y, c, t!, n, s),
            [typeof(ReviseDecision)] = from y in Year
                                       from c in MaybeCode
                                       from m in Text
                                       from n in Text
                                       from r in Text
                                       select (RoundCommand)new ReviseDecision(y, c, m, n, r!),
            [typeof(ScheduleAnnouncement)] = from y in Year from at in Moment select (RoundCommand)new ScheduleAnnouncement(y, at ?? Now.AddDays(3), Now),
            [typeof(CancelScheduledAnnouncement)] = Year.Select(y => (RoundCommand)new CancelScheduledAnnouncement(y)),
            [typeof(AnnounceAward)] = from y in Year
                                      from at in Moment
                                      from asked in Gen.Elements<DateTimeOffset?>(null, Now)
                                      from s in Source
                                      select (RoundCommand)new AnnounceAward(y, at, s, asked),
            [typeof(CorrectMotivation)] = from y in Year from m in Text from r in Text from s in Source select (RoundCommand)new CorrectMotivation(y, m!, r, s),
        };

        public static Arbitrary<RoundCommand[]> Sequences()
        {
            // Nominations are asked twice as often, so that sequences get past opening to decisions and announcements.
            var command = Gen.OneOf([ByType[typeof(NominateMunicipality)], .. ByType.Values]);
            return Gen.ListOf(command).Select(list => list.ToArray()).ToArbitrary();
        }
    }
}
