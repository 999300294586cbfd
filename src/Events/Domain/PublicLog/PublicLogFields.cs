namespace Kvk.Domain.PublicLog;

/// <summary>The members of a public log line (one JSON object per line of <c>GET /events</c>).</summary>
public static class PublicLogFields
{
    /// <summary>1, 2, 3 … without gaps: the entry's place in the chain, the same on every install that holds the same record.</summary>
    public const string Position = "position";

    /// <summary>The hash of the entry before (<see cref="PublicLogHash.Genesis"/> for the first).</summary>
    public const string Previous = "previous";

    /// <summary>The event's stored name, e.g. <c>award_announced</c>.</summary>
    public const string Type = "type";

    /// <summary>The event's facts as stored; absent from a sealed entry.</summary>
    public const string Data = "data";

    /// <summary>A decision or revision not yet announced: <c>{ "revision": n, "seal": hex }</c> instead of its data.</summary>
    public const string Sealed = "sealed";

    public const string Seal = "seal";

    /// <summary>Not hashed: this entry's hash, served with it.</summary>
    public const string Hash = "hash";

    /// <summary>Not hashed: a sealed entry's <c>{ "data": …, "salt": … }</c>, served once the award is announced.</summary>
    public const string Revealed = "revealed";

    public const string Salt = "salt";
}
