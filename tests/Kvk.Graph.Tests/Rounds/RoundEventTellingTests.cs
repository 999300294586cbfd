using System.Net;
using System.Text.Json.Nodes;
using JasperFx.Events;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;
using Kvk.Domain.Tests.Rounds;
using Kvk.Graph.Admin;
using Kvk.Graph.Explorer;
using Kvk.Graph.Rounds;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Rounds;

/// <summary>
/// Every kind of round event (<see cref="RoundEventCatalogue"/>) is told on every surface, in the words its declaration
/// gives: the API's history summary (with its disclosure rules), the explorer's Swedish and English phrases, and the
/// secretariat page's line as the host serves it (<c>/admin/vocabulary.json</c>). A new event is held to this without
/// a list here.
/// </summary>
public sealed class RoundEventTellingTests
{
    private static readonly MunicipalityDirectory Municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);

    public static TheoryData<string> Kinds => [.. RoundEventCatalogue.All.Select(k => k.StoredName)];

    public static TheoryData<string> PublicKinds =>
        [.. RoundEventCatalogue.All.Where(k => k.Telling.Disclosure != RoundEventDisclosure.SecretariatOnly).Select(k => k.StoredName)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_api_history_summarises_each_event_in_its_declared_words(string storedName)
    {
        var kind = RoundEventCatalogue.Named(storedName)!;
        var example = RoundEventExamples.Of(kind);
        var facts = example.Facts();

        var entry = Assert.Single(RoundHistoryEntry.Describe(Stream(example), Municipalities, secretariat: true));

        Assert.Equal(storedName, entry.Type);
        Told(storedName, entry.Summary);
        Assert.Equal(
            (facts.MunicipalityCode, facts.Motivation, facts.Reason, facts.Note, facts.ScheduledAt),
            (entry.MunicipalityCode, entry.Motivation, entry.Reason, entry.Note, entry.ScheduledAt));
        if (facts.MunicipalityCode is not null && Placeholders.In(kind.Telling.Told.Summary).Contains("municipality"))
        {
            Assert.Contains(RoundEventExamples.MunicipalityName, entry.Summary, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_public_reads_each_event_as_its_disclosure_allows(string storedName)
    {
        var kind = RoundEventCatalogue.Named(storedName)!;
        var example = RoundEventExamples.Of(kind);
        var announced = new AwardAnnounced(2027, RoundEventExamples.MunicipalityCode, "Habo kommun", "Motivering.", null);

        var before = RoundHistoryEntry.Describe(Stream(example), Municipalities, secretariat: false);
        var after = RoundHistoryEntry.Describe(Stream(example, announced), Municipalities, secretariat: false).Where(e => e.Type == storedName).ToList();
        var told = Assert.Single(RoundHistoryEntry.Describe(Stream(example), Municipalities, secretariat: true));

        switch (kind.Telling.Disclosure)
        {
            case RoundEventDisclosure.SecretariatOnly:
                Assert.Empty(before);
                Assert.Empty(after);
                break;
            case RoundEventDisclosure.SecretUntilAnnounced:
                var secret = Assert.Single(before);
                Assert.Equal(kind.Telling.WithoutMunicipality!.Summary, secret.Summary);
                Assert.Equal(
                    told with { Summary = secret.Summary, MunicipalityCode = null, Motivation = null, Reason = null, Note = null, ScheduledAt = null },
                    secret);
                Assert.Equal(told, Assert.Single(after));
                break;
            default:
                Assert.Equal(told, Assert.Single(before));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(PublicKinds))]
    public void The_explorer_tells_each_public_event_in_swedish_and_english(string storedName)
    {
        var kind = RoundEventCatalogue.Named(storedName)!;
        var example = RoundEventExamples.Of(kind);
        var shown = Assert.Single(RoundHistoryEntry.Describe(Stream(example), Municipalities, secretariat: false));
        var secretariat = Assert.Single(RoundHistoryEntry.Describe(Stream(example), Municipalities, secretariat: true));

        foreach (var phrases in new[] { HistoryPhrases.Swedish, HistoryPhrases.English })
        {
            foreach (var entry in new[] { shown, secretariat }.Distinct())
            {
                var told = phrases.Describe(AsTheExplorerReadsIt(entry), m => Html.Of($"<a href=\"/kommun/{m.Code}\">{m.Name}</a>")).ToString();
                Told(storedName, told);
                Assert.Equal(entry.MunicipalityCode is not null, told.Contains("<a href=\"/kommun/0643\">Habo</a>", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task The_host_serves_the_secretariat_line_of_every_event()
    {
        await using var server = await KvkTestServer.StartAsync();

        using var response = await server.Client.GetAsync(AdminVocabulary.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("default-src 'none'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var events = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["events"]!.AsObject();
        Assert.Equal(RoundEventCatalogue.All.Select(k => k.StoredName).Order(StringComparer.Ordinal), events.Select(e => e.Key).Order(StringComparer.Ordinal));
        foreach (var kind in RoundEventCatalogue.All)
        {
            var lines = events[kind.StoredName]!;
            Told(kind.StoredName, lines["line"]!.GetValue<string>(), placeholders: true);
            Assert.Equal(kind.Telling.Told.Secretariat, lines["line"]!.GetValue<string>());
            Assert.Equal(kind.Telling.WithoutMunicipality?.Secretariat, lines["withoutMunicipality"]?.GetValue<string>());
        }
    }

    /// <summary>Words, not the event's type name, with every placeholder filled (unless it is a template).</summary>
    private static void Told(string storedName, string text, bool placeholders = false)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), storedName);
        Assert.DoesNotContain(storedName, text, StringComparison.Ordinal);
        if (!placeholders)
        {
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        }
    }

    /// <summary>The entry as the API's <c>RoundEvent</c> gives it to the explorer's round page.</summary>
    private static HistoryEntry AsTheExplorerReadsIt(RoundHistoryEntry entry) =>
        new(entry.Type, entry.OccurredAt, entry.Actor,
            entry.MunicipalityCode is { } code ? new MunicipalityName(code, Municipalities.Find(code)!.Name) : null,
            entry.Motivation, entry.Reason, entry.ScheduledAt);

    private static List<IEvent> Stream(params IRoundEvent[] events) =>
    [
        .. events.Select((data, i) =>
        {
            var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
            e.Version = i + 1;
            e.Sequence = 1000 + i;
            e.Timestamp = RoundEventExamples.Moment.AddDays(i);
            e.UserName = "Anna Andersson";
            return e;
        }),
    ];
}
