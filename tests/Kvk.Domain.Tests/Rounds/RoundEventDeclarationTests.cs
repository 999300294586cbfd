using System.Text.Json;
using Kvk.Domain.Rounds;

namespace Kvk.Domain.Tests.Rounds;

/// <summary>
/// Every kind of round event is declared once, in its file under <c>Events/</c>: its stored name, its fold into
/// <see cref="Round"/> and its words. These walk the catalogue, so a new event is held to them without a list here.
/// </summary>
public sealed class RoundEventDeclarationTests
{
    /// <summary>As the store writes events: System.Text.Json, camel case.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Round Nominating = new(2027, RoundStatus.Nominating, [RoundEventExamples.MunicipalityCode], null);

    /// <summary>Rounds in each stage, to fold each example onto.</summary>
    private static readonly Round?[] States =
    [
        null,
        Nominating,
        Nominating with { Status = RoundStatus.Judging },
        Nominating with
        {
            Status = RoundStatus.Decided,
            Decision = new RoundDecision("1263", "Svedala kommun", "Den första motiveringen."),
            ScheduledAnnouncement = RoundEventExamples.Moment.AddDays(-1),
        },
        Nominating with { Status = RoundStatus.Announced, Decision = new RoundDecision("1263", "Svedala kommun", "Den första motiveringen.") },
    ];

    public static TheoryData<string> Kinds => [.. RoundEventCatalogue.All.Select(k => k.StoredName)];

    private static RoundEventKind Kind(string storedName) => RoundEventCatalogue.Named(storedName)!;

    [Fact]
    public void Every_round_event_of_the_domain_is_in_the_catalogue_once()
    {
        var declared = typeof(IRoundEvent).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IRoundEvent)));

        Assert.Equal(declared.OrderBy(t => t.Name), RoundEventCatalogue.All.Select(k => k.Type).OrderBy(t => t.Name));
        Assert.Equal(RoundEventCatalogue.All.Count, RoundEventCatalogue.All.Select(k => k.StoredName).Distinct(StringComparer.Ordinal).Count());
        Assert.All(RoundEventCatalogue.All, k => Assert.Matches("^[a-z]+(_[a-z]+)+$", k.StoredName));
        Assert.All(RoundEventCatalogue.All, k => Assert.Same(k, RoundEventCatalogue.Of(RoundEventExamples.Of(k))));
    }

    [Fact]
    public void No_stored_name_is_ever_given_up()
    {
        // The names in the event table. A class may be renamed; these may not, or the stored events no longer read back.
        string[] stored =
        [
            "round_opened", "municipality_nominated", "nomination_withdrawn", "nominations_closed", "jury_decision_recorded", "award_announced",
            "motivation_corrected", "announcement_scheduled", "scheduled_announcement_cancelled", "decision_revised", "internal_note_recorded",
            "nominee_list_sourced", "round_note_added",
        ];

        Assert.All(stored, name => Assert.NotNull(RoundEventCatalogue.Named(name)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_event_is_stored_as_its_record_s_fields_and_nothing_of_its_declaration(string storedName)
    {
        var kind = Kind(storedName);
        var example = RoundEventExamples.Of(kind);

        var stored = JsonSerializer.SerializeToNode(example, kind.Type, Json)!.AsObject();

        var fields = kind.Type.GetConstructors()
            .OrderByDescending(c => c.GetParameters().Length)
            .First()
            .GetParameters()
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!));
        Assert.Equal(fields.Order(StringComparer.Ordinal), stored.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_event_folds_by_its_own_declaration_or_declares_it_leaves_the_round_alone(string storedName)
    {
        var kind = Kind(storedName);
        var example = RoundEventExamples.Of(kind);

        var after = States.Select(state => Round.Evolve(state, example)).ToList();

        Assert.Equal(States.Select(example.Evolve), after, Same);
        if (example is ILeavesRoundStateAlone)
        {
            Assert.All(States.Zip(after), x => Assert.Same(x.First, x.Second));
        }
        else
        {
            Assert.True(States.Zip(after).Any(x => !Same(x.First, x.Second)), $"{kind.Type.Name} folds into no round differently: give it the fold it needs, " +
                $"or declare it {nameof(ILeavesRoundStateAlone)}.");
            Assert.All(States.Zip(after).Where(x => x.First is not null), x => Assert.Equal(x.First!.Year, x.Second!.Year));
        }
    }

    [Fact]
    public void Only_opening_a_round_makes_one()
    {
        var opening = RoundEventCatalogue.All.Select(RoundEventExamples.Of).Where(e => Round.Evolve(null, e) is not null);

        Assert.IsType<RoundOpened>(Assert.Single(opening));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_event_is_told_on_every_surface(string storedName)
    {
        var telling = Kind(storedName).Telling;

        foreach (var wording in telling.Wordings)
        {
            Assert.False(string.IsNullOrWhiteSpace(wording.Summary), $"{storedName}: the API's summary");
            Assert.False(string.IsNullOrWhiteSpace(wording.Secretariat), $"{storedName}: the secretariat's line");
            foreach (var phrase in new[] { wording.Swedish, wording.English })
            {
                if (telling.Disclosure == RoundEventDisclosure.SecretariatOnly)
                {
                    Assert.Null(phrase);
                }
                else
                {
                    Assert.False(string.IsNullOrWhiteSpace(phrase), $"{storedName}: the explorer's phrase");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_wording_names_only_what_its_event_shows(string storedName)
    {
        var kind = Kind(storedName);
        var facts = RoundEventExamples.Of(kind).Facts();
        var shown = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            ["municipality"] = facts.MunicipalityCode is not null,
            ["reason"] = facts.Reason is not null,
            ["motivation"] = facts.Motivation is not null,
            ["note"] = facts.Note is not null,
            ["at"] = facts.ScheduledAt is not null,
        };
        Assert.DoesNotContain(facts.Values.Keys, RoundEventTelling.SummaryPlaceholders.Contains);

        foreach (var wording in kind.Telling.Wordings)
        {
            // The phrases and the line are written from the API's history entry: only its fields, and only those the event fills.
            foreach (var template in new[] { wording.Swedish, wording.English, wording.Secretariat }.OfType<string>())
            {
                Assert.All(Placeholders.In(template), name => Assert.True(shown.GetValueOrDefault(name),
                    $"{storedName}: \"{template}\" names {{{name}}}, which its entry does not give."));
            }

            Assert.All(Placeholders.In(wording.Summary), name =>
                Assert.True(RoundEventTelling.SummaryPlaceholders.Contains(name) || facts.Values.ContainsKey(name),
                    $"{storedName}: \"{wording.Summary}\" names {{{name}}}, which it has no value for."));
        }

        if (kind.Telling.WithoutMunicipality is { } without)
        {
            Assert.All(
                new[] { without.Summary, without.Swedish, without.English, without.Secretariat }.OfType<string>(),
                t => Assert.DoesNotContain("municipality", Placeholders.In(t)));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_secret_decision_is_told_without_any_of_its_facts(string storedName)
    {
        var telling = Kind(storedName).Telling;
        if (telling.Disclosure == RoundEventDisclosure.SecretUntilAnnounced)
        {
            var secret = Assert.IsType<RoundEventWording>(telling.WithoutMunicipality);
            Assert.All(new[] { secret.Summary, secret.Swedish, secret.English, secret.Secretariat }.OfType<string>(), t => Assert.Empty(Placeholders.In(t)));
        }
    }

    [Fact]
    public void A_template_is_filled_once()
    {
        Assert.Equal("Habo {reason} {x}: {x}", Placeholders.Fill("{municipality} {reason}: {x}", name => name == "municipality" ? "Habo {reason}" : "{x}"));
        Assert.Equal(["municipality", "reason"], Placeholders.In("Nomineringen av {municipality} drogs tillbaka: {reason}"));
    }

    private static bool Same(Round? a, Round? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Year == b.Year
                && a.Status == b.Status
                && a.Nominees.SequenceEqual(b.Nominees)
                && a.Decision == b.Decision
                && a.ScheduledAnnouncement == b.ScheduledAnnouncement;
}
