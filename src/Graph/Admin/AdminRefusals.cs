using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;
using Kvk.Graph.Secretariat;

namespace Kvk.Graph.Admin;

/// <summary>
/// The refusals as the admin page words them for a secretary, in Swedish and specific to their cause (the API's
/// English message is never shown), by the codes the API answers with, so the page lists none by hand.
/// </summary>
public static class AdminRefusals
{
    /// <summary>Every code a mutation can answer: each rule's refusal, the recording's own, and a missing or invalid token.</summary>
    public static IReadOnlyDictionary<string, string> Messages { get; } = new Dictionary<string, string>(
        Enum.GetValues<RefusalCode>().ToDictionary(MutationError.CodeOf, Of), StringComparer.Ordinal)
    {
        [MutationError.ConcurrencyConflict] = "Omgången ändrades innan din åtgärd sparades, och den sparades inte.",
        [MutationError.IdempotencyKeyReused] = "Begäran skickades redan med andra uppgifter. Försök igen.",
        [SecretariatMutation.Unauthenticated] = "Nyckeln är ogiltig eller saknas. Logga in igen.",
        [SecretariatMutation.Forbidden] = "Nyckeln är en pressnyckel: den kan läsa men inte registrera något.",
    };

    /// <summary>
    /// A credential that was valid and is refused now, by the reason the API gives (<c>extensions.reason</c>). What the
    /// secretary had entered is still in the page: it is sent once she signs in with a new key.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Credentials { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SecretariatAuthenticator.Expired] =
            "Din inloggning har gått ut; det du höll på med registrerades inte. Be om en ny nyckel och logga in igen – det du skrev kommer tillbaka.",
        [SecretariatAuthenticator.Revoked] =
            "Din inloggning har återkallats; det du höll på med registrerades inte. Be om en ny nyckel och logga in igen – det du skrev kommer tillbaka.",
    };

    /// <summary>
    /// INVALID_INPUT depends on the form: what in it was not valid, with the limits the command checks. By the name of
    /// the page's document that sends it (the mutation's type name); a form without one gets the code's own message.
    /// </summary>
    public static IReadOnlyDictionary<string, string> InvalidInput { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["OpenRound"] = $"Året är inte ett prisår: priset delas ut udda år från {AwardYear.First} till {AwardYear.Last}.",
        ["WithdrawNomination"] =
            $"Skriv ett skäl (högst {RoundRules.MaxReasonLength} tecken); den interna anteckningen får vara högst {RoundRules.MaxReasonLength} tecken.",
        ["CloseNominations"] = "Nominera minst en kommun innan nomineringen stängs.",
        ["RecordJuryDecision"] =
            $"Skriv en motivering (högst {RoundRules.MaxMotivationLength} tecken) och en mottagare på högst {RoundRules.MaxNameLength} tecken.",
        ["ReviseDecision"] = "Revisionen ändrar ingenting, eller saknar skäl. Ändra vinnare eller motivering och skriv ett skäl.",
        ["ScheduleAnnouncement"] = "Tillkännagivandet är redan schemalagt till den tidpunkten.",
        ["AnnounceAward"] = $"Källans rubrik får vara högst {SourceRules.MaxTitleLength} tecken "
            + $"och dess länk en http- eller https-adress på högst {SourceRules.MaxUrlLength} tecken.",
        ["CorrectMotivation"] = $"Skriv ett skäl och en motivering som skiljer sig från den nuvarande (högst {RoundRules.MaxMotivationLength} tecken).",
    };

    private static string Of(RefusalCode code) => code switch
    {
        RefusalCode.RoundNotFound => "Omgången finns inte. Öppna den först.",
        RefusalCode.RoundAlreadyExists => "Det finns redan en omgång för det året.",
        RefusalCode.UnknownMunicipality => "Okänd kommun. Välj en av Sveriges 290 kommuner.",
        RefusalCode.AlreadyNominated => "Kommunen är redan nominerad i den här omgången.",
        RefusalCode.NotNominated => "Kommunen är inte nominerad i den här omgången.",
        RefusalCode.RoundClosed => "Nomineringen är stängd i den här omgången.",
        RefusalCode.DecisionRequired => "Juryns beslut måste registreras först.",
        RefusalCode.AlreadyDecided => "Juryns beslut är redan registrerat för den här omgången.",
        RefusalCode.AlreadyAnnounced => "Priset är redan tillkännagivet.",
        RefusalCode.NotAnnounced => "Priset är inte tillkännagivet än. Bara en publicerad motivering kan rättas.",
        RefusalCode.AnnouncementInFuture => "Ett tillkännagivande nu kan inte dateras i framtiden. Schemalägg det i stället.",
        RefusalCode.ScheduleInPast => "Tidpunkten har redan passerat. Välj en tidpunkt i framtiden eller tillkännage nu.",
        RefusalCode.NotScheduled => "Inget tillkännagivande är schemalagt.",
        RefusalCode.InvalidInput => "Uppgifterna är inte giltiga. Inget sparades.",
        // A new rule without its Swedish words fails the host's start (and AdminVocabularyTests) rather than show English.
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "The admin page has no Swedish message for this refusal."),
    };
}
