using System.Globalization;
using System.Text.Json;
using GraphQL.Types;
using Kvk.Domain.PublicLog;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.PublicLog;

/// <summary>An entry of the public log as <c>changes</c> lists it: a few of its members, typed, and its whole line.</summary>
public sealed record PublicLogChange(long Position, string Type, int Round, long Version, DateTimeOffset RecordedAt, string Actor, string Hash, string Line)
{
    public string DataVersion => PublicLogHash.DataVersion(Position, Hash);

    public static PublicLogChange Of(PublicLogLine line)
    {
        using var entry = JsonDocument.Parse(line.Canonical);
        var root = entry.RootElement;
        return new PublicLogChange(
            line.Position,
            root.GetProperty(PublicLogFields.Type).GetString()!,
            root.GetProperty("round").GetInt32(),
            root.GetProperty("version").GetInt64(),
            DateTimeOffset.Parse(root.GetProperty("recordedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            root.GetProperty("actor").GetString()!,
            line.Hash,
            line.Line);
    }
}

public sealed class ChangeType : ObjectGraphType<PublicLogChange>
{
    public ChangeType()
    {
        Name = "PublicLogChange";
        Description = "An entry of the public log (GET /events): one public fact as it was chained, its hash and its NDJSON line.";
        Field<NonNullGraphType<IntGraphType>>("position").Description("Its place in the log: 1, 2, 3 … without gaps.").Resolve(c => (int)c.Source.Position);
        Field(x => x.DataVersion).Description("The data version the record reached with this entry: pass it as `since` to ask for what follows.");
        Field(x => x.Type).Description("The event's stored name, e.g. \"award_announced\".");
        Field(x => x.Round).Description("The year of the round.");
        Field<NonNullGraphType<IntGraphType>>("version").Description("Its place in the round's event stream.").Resolve(c => (int)c.Source.Version);
        Field<NonNullGraphType<DateTimeType>>("recordedAt").Description("When it was recorded in Kvk (the seed's release date for the seeded history).")
            .Resolve(c => c.Source.RecordedAt);
        Field(x => x.Actor).Description("Who recorded it, by role: seed, secretariat or scheduler.");
        Field(x => x.Hash).Description("The entry's hash: SHA-256 of its canonical JSON (docs/data.md), in lowercase hex.");
        Field(x => x.Line).Description("The entry as GET /events serves it: one JSON line, with its hash and, for a decision once its award is " +
            "announced, what its seal sealed.");
    }
}
