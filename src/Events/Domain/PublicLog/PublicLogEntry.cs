using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kvk.Domain.PublicLog;

/// <summary>A sealed decision or revision in the public log: its seal and which of the round's sealed entries it is (1, 2, …).</summary>
public sealed record PublicLogSeal(string Seal, int Revision);

/// <summary>
/// One public event as the log states it. Only what is the same on every install that holds the same record: no
/// database sequence (a rolled-back write spends one) and no person's name, only the actor's role.
/// </summary>
/// <param name="Id">The event's id.</param>
/// <param name="Round">The year of the round whose stream holds it.</param>
/// <param name="Version">Its place in the round's stream.</param>
/// <param name="Type">Its stored name.</param>
/// <param name="Actor">Who recorded it, by role: <c>seed</c>, <c>secretariat</c> or <c>scheduler</c>.</param>
/// <param name="Data">Its facts as stored (JSON), or null when it is sealed.</param>
/// <param name="Sealed">Its seal, when it is a decision or revision.</param>
public sealed record PublicLogEntry(Guid Id, int Round, long Version, string Type, DateTimeOffset RecordedAt, string Actor, string? Data, PublicLogSeal? Sealed)
{
    /// <summary>The entry at a place in the chain: its canonical text (what is hashed) and its hash.</summary>
    public (string Canonical, string Hash) Chain(long position, string previous)
    {
        var entry = new JsonObject
        {
            ["actor"] = Actor,
            ["id"] = Id.ToString("D"),
            [PublicLogFields.Position] = position,
            [PublicLogFields.Previous] = previous,
            ["recordedAt"] = RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["round"] = Round,
            [PublicLogFields.Type] = Type,
            ["version"] = Version,
        };
        if (Sealed is { } seal)
        {
            entry[PublicLogFields.Sealed] = new JsonObject { ["revision"] = seal.Revision, [PublicLogFields.Seal] = seal.Seal };
        }
        else
        {
            entry[PublicLogFields.Data] = JsonNode.Parse(Data ?? throw new InvalidOperationException("A public entry needs its data."));
        }

        var canonical = CanonicalJson.Of(entry.ToJsonString());
        return (canonical, PublicLogHash.OfEntry(canonical));
    }

    /// <summary>
    /// The line <c>GET /events</c> serves: the chained entry with its hash and, for a sealed decision once the award is
    /// announced, what it sealed.
    /// </summary>
    public static string Line(string canonical, string hash, string? revealedData = null, string? salt = null)
    {
        var line = JsonNode.Parse(canonical)!.AsObject();
        line[PublicLogFields.Hash] = hash;
        if (revealedData is not null && salt is not null)
        {
            line[PublicLogFields.Revealed] = new JsonObject { [PublicLogFields.Data] = JsonNode.Parse(revealedData), [PublicLogFields.Salt] = salt };
        }

        return CanonicalJson.Of(line.ToJsonString());
    }

    /// <summary>The seal of a decision's stored data under a salt (the salt is kept beside the event, not in its data).</summary>
    public static string SealOf(string salt, string data)
    {
        using var document = JsonDocument.Parse(data);
        return PublicLogHash.Seal(salt, document.RootElement);
    }
}
