using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Engine.Lists;

/// <summary>The kinds of value a list can filter, sort and group by, each with its SQL type and its GraphQL scalar.</summary>
public enum ValueKind
{
    Number,
    Text,
    Timestamp,
    Boolean,

    /// <summary>A GraphQL enum stored as text; sorted in the order its values are declared (a round's lifecycle), not alphabetically.</summary>
    Enum,
}

/// <summary>What a value of a list offers its readers.</summary>
[Flags]
public enum ValueUse
{
    None = 0,
    Filter = 1,
    Sort = 2,

    /// <summary>Counts can be grouped by it.</summary>
    Group = 4,
    All = Filter | Sort | Group,
}

/// <summary>A member of an entity: a value, or a relation to another entity.</summary>
public abstract record EntityMember(string Name, string Description);

/// <param name="Sql">The value in SQL, given the entity's source (a table alias, or a JSON expression for an embedded entity).</param>
/// <param name="Read">The value of a document, for the object type's field; null for a value only filtered on.</param>
/// <param name="EnumType">For <see cref="ValueKind.Enum"/>: the GraphQL enum's name and its stored values in their meaningful order.</param>
public sealed record ValueMember(
    string Name,
    string Description,
    ValueKind Kind,
    Func<string, string> Sql,
    ValueUse Use,
    bool Nullable,
    Func<object, object?>? Read,
    EnumOrder? EnumType)
    : EntityMember(Name, Description)
{
    public string SqlType => Kind switch
    {
        ValueKind.Number => "int",
        ValueKind.Timestamp => "timestamptz",
        ValueKind.Boolean => "boolean",
        _ => "text",
    };

    public string GraphTypeName => Kind switch
    {
        ValueKind.Number => "Int",
        ValueKind.Timestamp => "DateTime",
        ValueKind.Boolean => "Boolean",
        ValueKind.Enum => EnumType!.GraphTypeName,
        _ => "String",
    };

    public string FilterTypeName => OperationFilterInputs.NameOf(GraphTypeName);

    /// <summary>How the value is ordered: an enum by the position of its value in its declared order.</summary>
    public SqlColumn Ordered(string sql) => Kind == ValueKind.Enum
        ? new SqlColumn($"array_position({EnumType!.SqlArray}, {sql})", "int")
        : new SqlColumn(sql, SqlType);

    public SqlColumn Compared(string sql) => new(sql, SqlType);
}

/// <summary>A GraphQL enum stored as text (its type, to register), and the order of its stored values (the order it sorts in).</summary>
public sealed record EnumOrder(string GraphTypeName, Type GraphType, IReadOnlyList<string> StoredValues)
{
    public string SqlArray => $"array[{string.Join(", ", StoredValues.Select(v => $"'{v.Replace("'", "''", StringComparison.Ordinal)}'"))}]::text[]";

    /// <summary>An enum of <typeparamref name="TEnum"/> stored by its names, in the order the enum declares them.</summary>
    public static EnumOrder Of<TEnum, TGraphType>(string graphTypeName)
        where TEnum : struct, Enum
        where TGraphType : EnumerationGraphType => new(graphTypeName, typeof(TGraphType), [.. Enum.GetNames<TEnum>()]);
}

/// <summary>One related entity: within the document (<see cref="Embedded"/>) or in a table of its own (<see cref="Lookup"/>).</summary>
public sealed record OneMember(string Name, string Description, Func<Entity> Target, Relation Relation) : EntityMember(Name, Description);

/// <summary>A list of related entities in a table of their own, filtered with <c>some</c>/<c>all</c>/<c>none</c>/<c>any</c>.</summary>
/// <param name="Correlation">Links an item (its alias, second) to the outer row (its source, first).</param>
public sealed record ManyMember(string Name, string Description, Func<Entity> Target, Func<string, string, string> Correlation)
    : EntityMember(Name, Description);

public abstract record Relation;

/// <summary>The related entity is a JSON object of this document: <paramref name="Source"/> gives it from this entity's source.</summary>
public sealed record Embedded(Func<string, string> Source) : Relation;

/// <summary>
/// The related entity is a row of its table, linked by <paramref name="Correlation"/> (outer source, inner alias).
/// <paramref name="Shortcuts"/> are paths of the related entity that this document carries itself (copied in by its
/// projection), read from this row instead of the related one: no subquery for the paths a list uses most.
/// </summary>
public sealed record Lookup(Func<string, string, string> Correlation, IReadOnlyDictionary<string, Func<string, string>>? Shortcuts = null) : Relation;

/// <summary>
/// What a list's items are, declared once: their values (with their SQL, their GraphQL type and what they offer)
/// and their relations. The filter input, the sort input, the object type's value fields, the SQL of filters, sorts
/// and cursors, and the groups of counts are all derived from it, so the schema offers exactly what the SQL can do.
/// </summary>
public class Entity(string name, string description)
{
    private readonly List<EntityMember> _members = [];

    /// <summary>The GraphQL name of the entity's object type, e.g. "Award".</summary>
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>The table of a list's items; null for an entity that only exists within another's document.</summary>
    public string? Table { get; protected set; }

    /// <summary>A condition every row must meet to be an item (e.g. the served programme), given the row's alias.</summary>
    public Func<string, string>? Scope { get; protected set; }

    public IReadOnlyList<EntityMember> Members => _members;

    public EntityMember? Find(string name) => _members.Find(m => m.Name == name);

    public IEnumerable<ValueMember> Values(ValueUse use) => _members.OfType<ValueMember>().Where(v => v.Use.HasFlag(use) && use != ValueUse.None);

    public bool HasFilters => _members.Any(m => m is ValueMember { Use: var use } ? use.HasFlag(ValueUse.Filter) : true);

    public bool HasSorts => _members.Any(m => m is ValueMember { Use: var use } ? use.HasFlag(ValueUse.Sort) : m is OneMember one && one.Target().HasSorts);

    public string FilterTypeName => $"{Name}FilterInput";

    public string ListFilterTypeName => $"ListFilterInputTypeOf{Name}FilterInput";

    public string SortTypeName => $"{Name}SortInput";

    /// <summary>The condition of <see cref="Scope"/> for a row, or "true".</summary>
    public string ScopeOf(string alias) => Scope?.Invoke(alias) ?? "true";

    protected void Add(EntityMember member)
    {
        if (Find(member.Name) is not null)
        {
            throw new InvalidOperationException($"{Name} declares {member.Name} twice.");
        }

        _members.Add(member);
    }

    public Entity One(string name, string description, Func<Entity> target, Relation relation)
    {
        Add(new OneMember(name, description, target, relation));
        return this;
    }

    public Entity Many(string name, string description, Func<Entity> target, Func<string, string, string> correlation)
    {
        Add(new ManyMember(name, description, target, correlation));
        return this;
    }

    public static ExecutionError Invalid(string code, string message) => new(message) { Code = code };
}

/// <summary>An entity whose items are documents of type <typeparamref name="TDoc"/>.</summary>
public sealed class Entity<TDoc>(string name, string description) : Entity(name, description)
{
    public Entity<TDoc> FromTable(string table, Func<string, string>? scope = null)
    {
        Table = table;
        Scope = scope;
        return this;
    }

    /// <summary>
    /// A value stored in the items' document, declared by the member it is read from (<see cref="StoredMember"/>):
    /// <c>.Value("recipientName", "…", a => a.RecipientName)</c>. Its kind, whether it can be missing, its SQL and the
    /// object type's field all come from that member.
    /// </summary>
    /// <param name="column">
    /// Read in SQL from this column of the row instead of the document: a member Marten duplicates into a column of its
    /// own, indexed (e.g. "year"), or the document's id ("id"). The reader still reads the member.
    /// </param>
    /// <param name="enumType">For a member of an enum type: its GraphQL enum and the order of its stored values.</param>
    public Entity<TDoc> Value<T>(
        string name,
        string description,
        Expression<Func<TDoc, T>> stored,
        ValueUse use = ValueUse.Filter | ValueUse.Sort,
        string? column = null,
        EnumOrder? enumType = null)
    {
        var member = StoredMember.Of(stored);
        if ((member.Kind == ValueKind.Enum) != (enumType is not null))
        {
            throw new ArgumentException($"{Name}.{name}: an enum member takes its enum type, and only an enum member does.", nameof(enumType));
        }

        // Whether the document is a row's (t.data) or an embedded object is asked when the SQL is made, not when declared.
        Func<string, string> sql = column is null ? source => member.Sql(Table is null ? source : $"{source}.data") : source => $"{source}.{column}";
        Add(new ValueMember(name, description, member.Kind, sql, use, member.Nullable, document => member.Read(document), enumType));
        return this;
    }

    /// <summary>
    /// A value no stored member gives, in custom SQL and (when <paramref name="read"/> is given) as a field of the object
    /// type. Nothing holds the two to agree but <c>ListValueTests</c>: say at the declaration why a stored member will not do.
    /// </summary>
    public Entity<TDoc> Value(
        string name,
        string description,
        ValueKind kind,
        Func<string, string> sql,
        Func<TDoc, object?>? read = null,
        ValueUse use = ValueUse.Filter | ValueUse.Sort,
        bool nullable = false,
        EnumOrder? enumType = null)
    {
        Add(new ValueMember(name, description, kind, sql, use, nullable, read is null ? null : document => read((TDoc)document), enumType));
        return this;
    }

    public new Entity<TDoc> One(string name, string description, Func<Entity> target, Relation relation)
    {
        base.One(name, description, target, relation);
        return this;
    }

    public new Entity<TDoc> Many(string name, string description, Func<Entity> target, Func<string, string, string> correlation)
    {
        base.Many(name, description, target, correlation);
        return this;
    }

    /// <summary>Adds the readable values as fields of the entity's object type, typed and described as declared.</summary>
    public void AddValueFieldsTo(ComplexGraphType<TDoc> type)
    {
        foreach (var value in Members.OfType<ValueMember>().Where(v => v.Read is not null))
        {
            IGraphType graphType = new GraphQLTypeReference(value.GraphTypeName);
            type.AddField(new FieldType
            {
                Name = value.Name,
                Description = value.Description,
                ResolvedType = value.Nullable ? graphType : new NonNullGraphType(graphType),
                Resolver = new GraphQL.Resolvers.FuncFieldResolver<TDoc, object?>(c => value.Read!(c.Source!)),
            });
        }
    }
}
