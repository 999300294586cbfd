using GraphQL.Types;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Secretariat.Commands;

public sealed class ScheduleAnnouncementMutation() : SecretariatMutation<ScheduleAnnouncementMutation.Input, ScheduleAnnouncement>(
    "scheduleAnnouncement",
    "Schedules the announcement of a decided round for a moment in the future, or moves it; a host announces the award then, exactly once.",
    "Schedules the announcement of a decided round, or moves a scheduled one. Until the moment the decision stays secret; then a host announces the award, " +
        "dated at that moment.")
{
    public sealed record Input : SecretariatInput
    {
        public required DateTimeOffset At { get; init; }
    }

    protected override void Fields(SecretariatInputType<Input> input) =>
        input.Field(x => x.At, type: typeof(NonNullGraphType<DateTimeType>))
            .Description("When to announce, in ISO 8601 with offset, e.g. \"2027-11-18T19:00:00+01:00\"; in the future, else SCHEDULE_IN_PAST.");

    protected override ScheduleAnnouncement Command(Input input) => new(input.Year, input.At, DateTimeOffset.UtcNow);
}
