using GraphQL.Types;
using Kvk.Graph.Secretariat.Commands;

namespace Kvk.Graph.Secretariat;

/// <summary>
/// The secretariat's write side: one mutation per round command, each declared in a file of its own under
/// <c>Commands/</c>. Every mutation needs a secretariat token.
/// </summary>
public sealed class MutationType : ObjectGraphType
{
    /// <summary>Every secretariat command, in the order of a round's life.</summary>
    public static IReadOnlyList<SecretariatMutation> All =>
    [
        new OpenRoundMutation(),
        new NominateMunicipalityMutation(),
        new WithdrawNominationMutation(),
        new CloseNominationsMutation(),
        new RecordJuryDecisionMutation(),
        new ReviseDecisionMutation(),
        new ScheduleAnnouncementMutation(),
        new CancelScheduledAnnouncementMutation(),
        new AnnounceAwardMutation(),
        new CorrectMotivationMutation(),
    ];

    public MutationType()
    {
        Name = "Mutation";
        Description = "The jury secretariat records a round as it happens. Every mutation needs `Authorization: Bearer <token>`; a refused " +
            "one records nothing.";
        var errorTypes = MutationErrorTypes.Create();
        foreach (var mutation in All)
        {
            mutation.AddTo(this, errorTypes);
        }
    }
}
