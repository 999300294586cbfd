using System.Globalization;
using JasperFx.Events;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Rounds;

/// <summary>One event of a round as the public (or the secretariat) may read it.</summary>
public sealed record RoundHistoryEntry(
    long Sequence,
    long Version,
    string Type,
    DateTimeOffset OccurredAt,
    string? Actor,
    string Summary,
    string? MunicipalityCode,
    string? Motivation,
    string? Reason,
    string? Note = null,
    DateTimeOffset? ScheduledAt = null)
{
    /// <summary>
    /// Describes the events of one round stream, oldest first, each in its declared words
    /// (<see cref="RoundEventTelling"/>). Until the round is announced, a decision and its revisions
    /// (<see cref="RoundEventDisclosure.SecretUntilAnnounced"/>) are only said to exist unless <paramref name="secretariat"/>
    /// or the <paramref name="press"/> under embargo is asking (<see cref="HasUndisclosed"/>). The secretariat's
    /// internal notes (<see cref="RoundEventDisclosure.SecretariatOnly"/>) are left out unless it is asking.
    /// </summary>
    public static IReadOnlyList<RoundHistoryEntry> Describe(
        IReadOnlyList<IEvent> events, MunicipalityDirectory municipalities, bool secretariat, bool press = false)
    {
        var disclosed = secretariat || press || events.Any(e => e.Data is AwardAnnounced);
        return [.. events.OrderBy(e => e.Version)
            .Select(e => (Event: e, Kind: RoundEventCatalogue.Of(e.Data)))
            .Where(x => secretariat || x.Kind.Telling.Disclosure != RoundEventDisclosure.SecretariatOnly)
            .Select(x =>
            {
                var fact = (IRoundEvent)x.Event.Data;
                var facts = x.Kind.Telling.Disclosure == RoundEventDisclosure.SecretUntilAnnounced && !disclosed ? RoundEventFacts.None : fact.Facts();
                var summary = Placeholders.Fill(
                    x.Kind.Telling.For(facts.MunicipalityCode is not null).Summary,
                    name => Value(name, fact, facts, municipalities));
                return new RoundHistoryEntry(x.Event.Sequence, x.Event.Version, x.Kind.StoredName, x.Event.Timestamp, x.Event.UserName, summary,
                    facts.MunicipalityCode, facts.Motivation, facts.Reason, facts.Note, facts.ScheduledAt);
            })];
    }

    /// <summary>Whether the events hold a fact still secret (a decision or a revision, and no announcement yet).</summary>
    public static bool HasUndisclosed(IReadOnlyList<IEvent> events) =>
        !events.Any(e => e.Data is AwardAnnounced)
        && events.Any(e => RoundEventCatalogue.Of(e.Data).Telling.Disclosure == RoundEventDisclosure.SecretUntilAnnounced);

    /// <summary>A placeholder of a summary (<see cref="RoundEventTelling.SummaryPlaceholders"/>, or one of the event's values), as the API writes it.</summary>
    private static string Value(string name, IRoundEvent fact, RoundEventFacts facts, MunicipalityDirectory municipalities) => name switch
    {
        "municipality" => facts.MunicipalityCode is { } code ? municipalities.Find(code)?.Name ?? code : "",
        "code" => facts.MunicipalityCode ?? "",
        "reason" => facts.Reason ?? "",
        "motivation" => facts.Motivation ?? "",
        "note" => facts.Note ?? "",
        "at" => facts.ScheduledAt?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "",
        "year" => fact.Year.ToString(CultureInfo.InvariantCulture),
        _ => facts.Values.GetValueOrDefault(name) switch
        {
            NomineesKnown known => ConstantName.Of(known),
            IEnumerable<Source> sources => string.Join("; ", sources.Select(s => s.Title)),
            IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
            var value => value?.ToString() ?? throw new InvalidOperationException($"{RoundEventCatalogue.Of(fact).StoredName}'s summary names {{{name}}}, " +
                "which it has no value for."),
        },
    };
}
