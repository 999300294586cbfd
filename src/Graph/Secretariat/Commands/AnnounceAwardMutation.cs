using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Sources;

namespace Kvk.Graph.Secretariat.Commands;

public sealed class AnnounceAwardMutation() : SecretariatMutation<AnnounceAwardMutation.Input, AnnounceAward>(
    "announceAward", "Announces the award of a decided round now.", "Announces the award of a decided round now: the decision becomes public. To announce at " +
        "a later moment, use `scheduleAnnouncement`.")
{
    public sealed record Input : SecretariatInput
    {
        public DateTimeOffset? AnnouncedAt { get; init; }

        public SourceInput? Source { get; init; }
    }

    protected override void Fields(SecretariatInputType<Input> input)
    {
        input.Field(x => x.AnnouncedAt, type: typeof(DateTimeType))
            .Description("When the award was announced, in ISO 8601 with offset, e.g. \"2027-11-18T19:00:00+01:00\"; omit when not known. Not in the future " +
                "(a minute's clock difference aside): that is refused with ANNOUNCEMENT_IN_FUTURE; schedule it instead.");
        input.Field(x => x.Source, type: typeof(SourceInputType)).Description("Where the announcement is published, e.g. the press release; served as " +
            "the award's `sources`.");
    }

    protected override AnnounceAward Command(Input input) => new(input.Year, input.AnnouncedAt, SourceInput.ToSource(input.Source), DateTimeOffset.UtcNow);
}
