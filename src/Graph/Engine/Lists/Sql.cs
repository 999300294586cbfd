using System.Linq.Expressions;

namespace Kvk.Graph.Engine.Lists;

/// <summary>
/// SQL over a row's stored document, given the row's alias, for what is declared beside a value rather than as one:
/// the members a document carries of a related one (a <see cref="Lookup"/>'s shortcuts) and the objects an embedded
/// entity is read from. Both are given by the C# member, as a value is (<see cref="StoredMember"/>).
/// </summary>
public static class Sql
{
    /// <summary>A member of the row's document, in SQL as a value declared by the same member reads it.</summary>
    public static Func<string, string> Member<TDoc, T>(Expression<Func<TDoc, T>> member)
    {
        var stored = StoredMember.Of(member);
        return source => stored.Sql($"{source}.data");
    }

    /// <summary>A JSON object of the row's document, the source of an embedded entity, e.g. <c>m => m.County</c>.</summary>
    public static Func<string, string> Embedded<TDoc, T>(Expression<Func<TDoc, T>> member)
    {
        var path = string.Concat(StoredMember.PathOf(member).Select(name => $"->'{name}'"));
        return source => $"({source}.data{path})";
    }
}
