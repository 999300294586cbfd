using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Engine.Lists.Aggregates;

/// <summary>
/// A value the items of a list can be counted by: a groupable value of the entity, or of an entity it reaches through
/// one-to-one relations. A <c>code</c> beside a <c>name</c> stands for its entity (a county, a municipality): its
/// groups carry the name too, and it is offered by the entity's path (<c>MUNICIPALITY_COUNTY</c>).
/// </summary>
/// <param name="EnumName">The value of the list's group enum, e.g. "MUNICIPALITY_COUNTY".</param>
/// <param name="Path">The value's path from the list's items, e.g. "municipality.county.code".</param>
/// <param name="Relations">The relations the value is reached through, outermost first.</param>
/// <param name="Name">The readable name of a grouped entity, read beside its code.</param>
public sealed record GroupPath(string EnumName, string Path, string Description, IReadOnlyList<OneMember> Relations, ValueMember Key, ValueMember? Name)
{
    /// <summary>How many relations deep the groups reach: enough for a nomination's county, not a cycle through awards and rounds.</summary>
    private const int MaxRelations = 2;

    public static IReadOnlyList<GroupPath> Of(Entity entity)
    {
        var paths = new List<GroupPath>();
        Collect(entity, [], [entity.Name], paths);
        return paths;
    }

    private static void Collect(Entity entity, List<OneMember> relations, HashSet<string> seen, List<GroupPath> paths)
    {
        var prefix = string.Concat(relations.Select(r => r.Name + "."));
        var name = entity.Values(ValueUse.Filter).FirstOrDefault(v => v.Name == "name");
        foreach (var value in entity.Values(ValueUse.Group))
        {
            var standsForEntity = value.Name == "code" && name is not null;
            var enumName = standsForEntity
                ? (relations.Count == 0 ? "CODE" : ConstantName.Of(prefix.TrimEnd('.')))
                : ConstantName.Of(prefix + value.Name);
            var description = standsForEntity && relations.Count > 0
                ? $"By {relations[^1].Name} (`{prefix}code`), each group named by `{prefix}name`."
                : $"By `{prefix}{value.Name}`: {value.Description}";
            paths.Add(new GroupPath(enumName, prefix + value.Name, description, [.. relations], value, standsForEntity ? name : null));
        }

        if (relations.Count == MaxRelations)
        {
            return;
        }

        foreach (var one in entity.Members.OfType<OneMember>())
        {
            var target = one.Target();
            if (seen.Contains(target.Name))
            {
                continue;
            }

            Collect(target, [.. relations, one], [.. seen, target.Name], paths);
        }
    }
}
