using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Kvk.Graph.Engine.Lists;

/// <summary>
/// A value read from a member of the stored JSON document, given as the C# member it is read from: <c>a => a.RecipientName</c>,
/// <c>m => m.County.Code</c>, <c>r => r.Nominees.Count</c> (the length of an array), <c>r => (int)r.Version</c>. The
/// member's path gives its SQL and its reader, its type gives the value's kind and whether it can be missing, so the
/// SQL and the object type's field read the same thing: a missing object on the way is null in both, a missing
/// array has no items in both.
/// </summary>
internal sealed class StoredMember
{
    /// <summary>How the store names a document's members in JSON (Marten's <c>Casing.CamelCase</c>).</summary>
    private static readonly JsonNamingPolicy Naming = JsonNamingPolicy.CamelCase;

    private readonly IReadOnlyList<MemberInfo> _members;
    private readonly Type _type;

    /// <summary>The JSON path to the member's parent object, e.g. <c>->'county'</c>.</summary>
    private readonly string _parents;

    private StoredMember(IReadOnlyList<MemberInfo> members, Type type, ValueKind kind, bool nullable, bool arrayLength)
    {
        _members = members;
        _type = type;
        Kind = kind;
        Nullable = nullable;
        ArrayLength = arrayLength;

        // Computed once: every statement that filters or sorts by the member writes its SQL again.
        Path = [.. (arrayLength ? members.SkipLast(1) : members).Select(m => Naming.ConvertName(m.Name))];
        _parents = string.Concat(Path.SkipLast(1).Select(name => $"->'{name}'"));
    }

    public ValueKind Kind { get; }

    public bool Nullable { get; }

    /// <summary>Whether the value is the number of items of an array (its last member is <c>Count</c> or <c>Length</c>).</summary>
    public bool ArrayLength { get; }

    /// <summary>The path of JSON members, e.g. ["county", "code"].</summary>
    public IReadOnlyList<string> Path { get; }

    public static StoredMember Of(LambdaExpression read)
    {
        var members = MembersOf(read);
        var arrayLength = members.Count > 1 && members[^1].Name is "Count" or "Length" && IsCollection(TypeOf(members[^2]));
        var type = read.Body.Type;
        var kind = KindOf(System.Nullable.GetUnderlyingType(type) ?? type)
            ?? throw new ArgumentException($"{read} reads a {type.Name}, which no value kind holds.", nameof(read));
        var nullable = !arrayLength && members.Any(CanBeNull);
        return new StoredMember(members, type, arrayLength ? ValueKind.Number : kind, nullable, arrayLength);
    }

    /// <summary>The value in SQL, given the document's JSON (<c>t.data</c>, or an embedded object's expression).</summary>
    public string Sql(string document)
    {
        var (path, parents) = (Path, _parents);
        if (ArrayLength)
        {
            var array = $"{document}{parents}->'{path[^1]}'";
            return $"(case jsonb_typeof({array}) when 'array' then jsonb_array_length({array}) else 0 end)";
        }

        var text = $"({document}{parents}->>'{path[^1]}')";
        return Kind switch
        {
            ValueKind.Number => $"({text}::int)",
            ValueKind.Timestamp => $"({text}::timestamptz)",
            ValueKind.Boolean => $"({text}::boolean)",
            _ => text,
        };
    }

    /// <summary>The value of a document, as the SQL reads it.</summary>
    public object? Read(object document)
    {
        object? value = document;
        foreach (var member in _members)
        {
            value = value is null ? null : member is PropertyInfo property ? property.GetValue(value) : ((FieldInfo)member).GetValue(value);
        }

        if (ArrayLength)
        {
            return (int?)value ?? 0;
        }

        // A member read through a conversion (r => (int)r.Version) is converted as the SQL casts it.
        return value is null || value.GetType() == (System.Nullable.GetUnderlyingType(_type) ?? _type) ? value : Convert.ChangeType(value, _type, null);
    }

    /// <summary>The path of JSON members <paramref name="read"/> reads, whatever it holds (an object, too).</summary>
    public static IReadOnlyList<string> PathOf(LambdaExpression read) => [.. MembersOf(read).Select(m => Naming.ConvertName(m.Name))];

    private static List<MemberInfo> MembersOf(LambdaExpression read)
    {
        var body = read.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : read.Body;
        var members = new List<MemberInfo>();
        while (body is MemberExpression member)
        {
            members.Insert(0, member.Member);
            body = member.Expression;
        }

        return body == read.Parameters[0] && members.Count > 0
            ? members
            : throw new ArgumentException($"{read} does not read a member of the document: give custom SQL for it.", nameof(read));
    }

    private static ValueKind? KindOf(Type type) => type switch
    {
        _ when type == typeof(int) => ValueKind.Number,
        _ when type == typeof(string) => ValueKind.Text,
        _ when type == typeof(DateTimeOffset) => ValueKind.Timestamp,
        _ when type == typeof(bool) => ValueKind.Boolean,
        { IsEnum: true } => ValueKind.Enum,
        _ => null,
    };

    private static Type TypeOf(MemberInfo member) => member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType;

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>Whether a member may hold null: a nullable value type, or a reference its declaration marks nullable (<c>string?</c>).</summary>
    private static bool CanBeNull(MemberInfo member)
    {
        var type = TypeOf(member);
        if (type.IsValueType)
        {
            return System.Nullable.GetUnderlyingType(type) is not null;
        }

        var context = new NullabilityInfoContext();
        var info = member is PropertyInfo property ? context.Create(property) : context.Create((FieldInfo)member);
        return info.ReadState != NullabilityState.NotNull;
    }
}
