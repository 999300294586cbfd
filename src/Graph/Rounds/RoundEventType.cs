using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Municipalities;

namespace Kvk.Graph.Rounds;

public sealed class RoundEventType : ObjectGraphType<RoundHistoryEntry>
{
    public RoundEventType(MunicipalityDirectory municipalities)
    {
        Name = "RoundEvent";
        Description = "One recorded fact in a round's history (its event stream), oldest first. Nothing is ever overwritten: corrections are " +
            "events of their own.";
        Field<NonNullGraphType<IntGraphType>>("sequence").Description("The event's position in the whole " +
            "store, across all rounds.").Resolve(c => (int)c.Source.Sequence);
        Field<NonNullGraphType<IntGraphType>>("version").Description("The round's version after this event " +
            "(1 for the opening).").Resolve(c => (int)c.Source.Version);
        Field(x => x.Type).Description("The kind of fact, e.g. \"municipality_nominated\", \"jury_decision_recorded\", \"award_announced\", " +
            "\"motivation_corrected\", \"decision_revised\", \"announcement_scheduled\".");
        Field<NonNullGraphType<DateTimeType>>("occurredAt").Description("When the fact was recorded in Kvk.").Resolve(c => c.Source.OccurredAt);
        Field(x => x.Actor, nullable: true).Description("Who recorded it: a secretary's name, or \"seed-import\" for the imported history.");
        Field(x => x.Summary).Description("The fact in a sentence.");
        Field<MunicipalityType>("municipality").Description("The municipality the fact concerns, where one does (hidden for a decision not yet announced).")
            .Resolve(c => municipalities.Find(c.Source.MunicipalityCode));
        Field(x => x.Motivation, nullable: true).Description("The motivation (motivering) this fact states: decided, announced or corrected text.");
        Field(x => x.Reason, nullable: true).Description("The reason given for a withdrawal, a revision or a correction. A withdrawal's reason is public.");
        Field<DateTimeType>("scheduledAt").Description("For a scheduled announcement: the moment it is due.").Resolve(c => c.Source.ScheduledAt);
        Field(x => x.Note, nullable: true).Description("The secretariat's internal note (type \"internal_note_recorded\"); such entries are listed for a " +
            "secretariat token only.");
    }
}
