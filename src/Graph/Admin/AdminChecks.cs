namespace Kvk.Graph.Admin;

/// <summary>
/// What the admin page says, beside the field, when a field breaks a rule the API would refuse it for: checked before any
/// confirmation, so that nothing is confirmed that the API then refuses. Templates with placeholders the page fills
/// (<c>{definite}</c>, <c>{indefinite}</c>, <c>{length}</c>, <c>{limit}</c>, <c>{at}</c>, <c>{year}</c>, <c>{first}</c>, <c>{last}</c>).
/// </summary>
public static class AdminChecks
{
    public static IReadOnlyDictionary<string, string> Messages { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["required"] = "Skriv {indefinite}.",
        ["tooLong"] = "{definite} är {length} tecken; högst {limit}.",
        ["choose"] = "Välj en kommun.",
        ["sourceUrl"] = "Källans länk måste vara en fullständig http- eller https-adress, t.ex. https://kvalitetsmassan.se/.",
        ["urlWithoutTitle"] = "Skriv källans rubrik när du anger en länk.",
        ["unchangedCorrection"] = "Motiveringen är densamma som den publicerade. Ändra den eller låt bli att rätta.",
        ["dateRequired"] = "Välj datum och tid.",
        ["dateUnreadable"] = "Datum och tid går inte att läsa. Skriv dem som ÅÅÅÅ-MM-DD TT:MM.",
        ["dateYear"] = "Året {year} går inte att schemalägga: välj ett år från {first} till {last}.",
        ["datePast"] = "{at} har redan passerat. Välj en tidpunkt i framtiden eller tillkännage nu.",
    };

    /// <summary>The fields by the limit they carry (<c>data-limit</c>): their names, as a sentence begins with and as it asks for them.</summary>
    public static IReadOnlyDictionary<string, AdminFieldName> Fields { get; } = new Dictionary<string, AdminFieldName>(StringComparer.Ordinal)
    {
        ["motivation"] = new("Motiveringen", "en motivering"),
        ["reason"] = new("Skälet", "ett skäl"),
        ["internalNote"] = new("Den interna anteckningen", "en intern anteckning"),
        ["recipientName"] = new("Mottagarens namn", "mottagarens namn"),
        ["sourceTitle"] = new("Källans rubrik", "källans rubrik"),
        ["sourceUrl"] = new("Källans länk", "källans länk"),
    };
}

/// <summary>A field's name with the article it takes: "Motiveringen är …", "Skriv en motivering.".</summary>
public sealed record AdminFieldName(string Definite, string Indefinite);
