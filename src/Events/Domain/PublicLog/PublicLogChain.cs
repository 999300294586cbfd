using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kvk.Domain.PublicLog;

/// <summary>Why a public log does not verify, naming the first line that fails.</summary>
/// <param name="Line">The line's number in what was read, from 1.</param>
public sealed record PublicLogFault(long Line, long? Position, string? Type, string Reason)
{
    public override string ToString() => Position is { } position
        ? $"line {Line}, entry {position} ({Type ?? "no type"}): {Reason}"
        : $"line {Line}: {Reason}";
}

/// <summary>
/// Checks a public log line by line, as it is read: every position follows the one before, every <c>previous</c> names the
/// hash before it, every hash is recomputed from the entry, and every revealed decision matches the seal published before
/// it. What it reaches is a data version, to compare with the one a host or a citation names.
/// </summary>
public sealed class PublicLogChain
{
    private long lines;

    public long Position { get; private set; }

    public string Head { get; private set; } = PublicLogHash.Genesis;

    public string DataVersion => PublicLogHash.DataVersion(Position, Head);

    /// <summary>How many sealed entries were revealed and matched their seals.</summary>
    public int RevealedSeals { get; private set; }

    /// <returns>Null when the line continues the chain; otherwise what is wrong with it (and the chain stays where it was).</returns>
    public PublicLogFault? Add(string line)
    {
        lines++;
        JsonObject entry;
        try
        {
            entry = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException e)
        {
            return new PublicLogFault(lines, null, null, $"not a JSON object ({e.Message})");
        }

        var position = (entry[PublicLogFields.Position] as JsonValue)?.TryGetValue<long>(out var p) == true ? p : (long?)null;
        var type = (entry[PublicLogFields.Type] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
        PublicLogFault Fault(string reason) => new(lines, position, type, reason);

        if (position != Position + 1)
        {
            return Fault($"the position should be {Position + 1}");
        }

        if ((entry[PublicLogFields.Previous] as JsonValue)?.ToString() != Head)
        {
            return Fault("its previous hash is not the hash of the entry before it");
        }

        var hash = (entry[PublicLogFields.Hash] as JsonValue)?.ToString();
        var revealed = entry[PublicLogFields.Revealed];
        entry.Remove(PublicLogFields.Hash);
        entry.Remove(PublicLogFields.Revealed);
        var computed = PublicLogHash.OfEntry(CanonicalJson.Of(entry.ToJsonString()));
        if (hash != computed)
        {
            return Fault("its content does not match its hash (the entry was changed after it was chained)");
        }

        if ((entry[PublicLogFields.Data] is null) == (entry[PublicLogFields.Sealed] is null))
        {
            return Fault("an entry holds either its data or a seal");
        }

        if (revealed is not null && RevealFault(entry, revealed) is { } reason)
        {
            return Fault(reason);
        }

        Position = position.Value;
        Head = computed;
        return null;
    }

    private string? RevealFault(JsonObject entry, JsonNode revealed)
    {
        var seal = entry[PublicLogFields.Sealed]?[PublicLogFields.Seal]?.ToString();
        var salt = revealed[PublicLogFields.Salt]?.ToString();
        var data = revealed[PublicLogFields.Data];
        if (seal is null || salt is null || data is null)
        {
            return "a revealed decision needs a sealed entry, its salt and its data";
        }

        using var document = JsonDocument.Parse(data.ToJsonString());
        if (PublicLogHash.Seal(salt, document.RootElement) != seal)
        {
            return "the revealed decision is not the one that was sealed";
        }

        RevealedSeals++;
        return null;
    }

    /// <summary>Checks a whole log.</summary>
    /// <returns>The chain as far as it verified, and the first fault (null when every line verified).</returns>
    public static (PublicLogChain Chain, PublicLogFault? Fault) Verify(IEnumerable<string> lines)
    {
        var chain = new PublicLogChain();
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            if (chain.Add(line) is { } fault)
            {
                return (chain, fault);
            }
        }

        return (chain, null);
    }
}
