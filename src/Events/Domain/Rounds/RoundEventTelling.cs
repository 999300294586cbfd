using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Kvk.Domain.Rounds;

/// <summary>
/// How a kind of round event is told, declared beside it: its <see cref="Told"/> wording, the one used where its
/// history entry names no municipality (<see cref="WithoutMunicipality"/>), and who may read it (<see cref="Disclosure"/>).
/// </summary>
/// <remarks>
/// The words are templates with named placeholders, each surface filling them its own way. The public phrases and the
/// secretariat's line are written from the API's history entry, so they name only its fields
/// (<see cref="EntryPlaceholders"/>): <c>{municipality}</c> (the municipality the entry names: a link to its page in
/// the explorer, its name elsewhere), <c>{reason}</c>, <c>{motivation}</c>, <c>{note}</c> and <c>{at}</c> (the moment an
/// announcement is scheduled for). The API's summary is written from the event itself: it may name besides
/// <c>{code}</c> (the municipality's code), <c>{year}</c> and the event's further <see cref="RoundEventFacts.Values"/>.
/// </remarks>
public sealed record RoundEventTelling
{
    /// <summary>The placeholders a public phrase or a secretariat line may name: the fields of the API's history entry.</summary>
    public static readonly IReadOnlyList<string> EntryPlaceholders = ["municipality", "reason", "motivation", "note", "at"];

    /// <summary>The placeholders the API's summary may name besides those and the event's own <see cref="RoundEventFacts.Values"/>.</summary>
    public static readonly IReadOnlyList<string> SummaryPlaceholders = [.. EntryPlaceholders, "code", "year"];

    /// <summary>How the fact is told.</summary>
    public required RoundEventWording Told { get; init; }

    /// <summary>
    /// How it is told where its entry names no municipality: a decision the API keeps secret
    /// (<see cref="RoundEventDisclosure.SecretUntilAnnounced"/>), a note on the whole round. Without it, <see cref="Told"/>.
    /// </summary>
    public RoundEventWording? WithoutMunicipality { get; init; }

    public RoundEventDisclosure Disclosure { get; init; }

    /// <summary>The wording for an entry that names a municipality or not.</summary>
    public RoundEventWording For(bool namesMunicipality) => !namesMunicipality && WithoutMunicipality is { } without ? without : Told;

    /// <summary>Every wording declared.</summary>
    public IEnumerable<RoundEventWording> Wordings => WithoutMunicipality is { } without ? [Told, without] : [Told];
}

/// <summary>One way of telling a fact, on each surface.</summary>
/// <param name="Summary">The API's history (<c>summary</c>), in English: a sentence.</param>
/// <param name="Swedish">The explorer's Swedish page: a sentence. Null only for a fact never shown publicly.</param>
/// <param name="English">The explorer's English page: a sentence. Null only for a fact never shown publicly.</param>
/// <param name="Secretariat">The secretariat's page, in Swedish: what the actor did, after their name ("Anna Andersson öppnade omgången").</param>
public sealed record RoundEventWording(string Summary, string? Swedish, string? English, string Secretariat);

/// <summary>Who may read a kind of fact in the round's history.</summary>
public enum RoundEventDisclosure
{
    /// <summary>Everyone, as soon as it is recorded.</summary>
    Public,

    /// <summary>
    /// The jury's decision and its revisions: until the award is announced the public reads only that it exists (its
    /// <see cref="RoundEventTelling.WithoutMunicipality"/> wording, none of its facts); the secretariat reads it all.
    /// </summary>
    SecretUntilAnnounced,

    /// <summary>The secretariat only, never a public path.</summary>
    SecretariatOnly,
}

/// <summary>
/// What a round's history shows of one event besides its words: the fields of its entry in the API's history (the
/// municipality it concerns, a motivation, a reason, an internal note, the moment an announcement is scheduled for), and
/// further values its summary names (<see cref="Values"/>, e.g. <c>{recipient}</c>).
/// </summary>
public sealed record RoundEventFacts
{
    /// <summary>Nothing: what an undisclosed decision shows.</summary>
    public static RoundEventFacts None { get; } = new();

    public string? MunicipalityCode { get; init; }

    public string? Motivation { get; init; }

    public string? Reason { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>Further values the summary names, by placeholder: text, numbers, <see cref="NomineesKnown"/>, sources.</summary>
    public IReadOnlyDictionary<string, object> Values { get; init; } = ImmutableDictionary<string, object>.Empty;
}

/// <summary>Text with named placeholders, e.g. "{municipality} nominerades.".</summary>
public static partial class Placeholders
{
    /// <summary>The template's parts in order: literal text, or (<c>IsName</c>) a placeholder's name.</summary>
    public static IEnumerable<(string Text, bool IsName)> Parts(string template) =>
        Placeholder().Split(template).Select((part, i) => (part, i % 2 == 1)).Where(p => p.Item2 || p.part.Length > 0);

    /// <summary>The names of the template's placeholders.</summary>
    public static IEnumerable<string> In(string template) => Parts(template).Where(p => p.IsName).Select(p => p.Text);

    /// <summary>The template with each placeholder replaced by its value (once: values are not read as templates).</summary>
    public static string Fill(string template, Func<string, string> value) =>
        string.Concat(Parts(template).Select(p => p.IsName ? value(p.Text) : p.Text));

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
