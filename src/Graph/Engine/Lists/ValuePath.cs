namespace Kvk.Graph.Engine.Lists;

/// <summary>
/// A value of a list's items or of an entity they reach through one-to-one relations ("municipality.county.name"),
/// as SQL over the list's row: read from the row, an embedded object, the row's own copy of a related value, or a
/// scalar subquery on the related table.
/// </summary>
/// <param name="Relations">The relations the value is reached through, outermost first.</param>
public sealed record ValuePath(string Path, IReadOnlyList<OneMember> Relations, ValueMember Value)
{
    /// <summary>The value's SQL over the rows of <paramref name="entity"/> named <paramref name="source"/>.</summary>
    public string Sql(Entity entity, string source, ref int aliases) => Sql(new Scope(entity, source), Relations, Value, ref aliases);

    /// <summary>The paths of <paramref name="entity"/>'s values: its own, and through each relation <paramref name="follow"/> allows (entities are not
    /// revisited).</summary>
    /// <param name="follow">Whether to follow a relation at a depth (0 for the list's own relations).</param>
    public static IReadOnlyList<ValuePath> Of(Entity entity, Func<OneMember, int, bool> follow)
    {
        var paths = new List<ValuePath>();
        Collect(entity, [], [entity.Name], follow, paths);
        return paths;
    }

    /// <summary>The path named <paramref name="path"/> ("municipality.county.name"), or null when the entity has none.</summary>
    public static ValuePath? Find(Entity entity, string path)
    {
        var names = path.Split('.');
        var relations = new List<OneMember>();
        for (var i = 0; i < names.Length - 1; i++)
        {
            if (entity.Find(names[i]) is not OneMember one)
            {
                return null;
            }

            relations.Add(one);
            entity = one.Target();
        }

        return entity.Find(names[^1]) is ValueMember value ? new ValuePath(path, relations, value) : null;
    }

    internal static string Sql(Scope scope, IReadOnlyList<OneMember> relations, ValueMember value, ref int aliases)
    {
        if (relations.Count == 0)
        {
            return scope.Value(value);
        }

        var one = relations[0];
        switch (one.Relation)
        {
            case Embedded embedded:
                return Sql(scope.Embedded(one, embedded), relations.Skip(1).ToList(), value, ref aliases);
            case Lookup lookup:
                var target = one.Target();
                var alias = $"v{++aliases}";
                var inner = scope.Lookup(one, target, alias, lookup);
                var sql = Sql(inner, relations.Skip(1).ToList(), value, ref aliases);
                return inner.Used ? $"(select {sql} from {target.Table} {alias} where {lookup.Correlation(scope.Source(), alias)} and " +
                    $"{target.ScopeOf(alias)})" : sql;
            default:
                throw new InvalidOperationException($"{one.Name} is a relation of an unknown kind.");
        }
    }

    private static void Collect(Entity entity, List<OneMember> relations, HashSet<string> seen, Func<OneMember, int, bool> follow, List<ValuePath> paths)
    {
        var prefix = string.Concat(relations.Select(r => r.Name + "."));
        paths.AddRange(entity.Members.OfType<ValueMember>().Select(v => new ValuePath(prefix + v.Name, [.. relations], v)));
        foreach (var one in entity.Members.OfType<OneMember>().Where(o => follow(o, relations.Count) && !seen.Contains(o.Target().Name)))
        {
            Collect(one.Target(), [.. relations, one], [.. seen, one.Target().Name], follow, paths);
        }
    }
}
