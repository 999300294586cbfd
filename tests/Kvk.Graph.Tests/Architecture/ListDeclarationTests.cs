using System.Reflection;
using Kvk.Graph.Schema;

namespace Kvk.Graph.Tests.Architecture;

/// <summary>
/// The lists' entities refer to each other, so a declaration must not depend on the order static fields are written
/// in: every static field of a feature's <c>*List</c> class is a <see cref="Lazy{T}"/>, built on first use.
/// </summary>
public sealed class ListDeclarationTests
{
    [Fact]
    public void List_declarations_hold_no_static_state_but_lazy_values()
    {
        var lists = typeof(KvkSchema).Assembly.GetTypes().Where(t => t.Name.EndsWith("List", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed).ToList();
        Assert.True(lists.Count >= 4, $"Only {lists.Count} list declarations found.");
        var eager = lists
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Where(f => !f.IsLiteral).Select(f => (t, f)))
            .Where(x => !x.f.FieldType.IsGenericType || x.f.FieldType.GetGenericTypeDefinition() != typeof(Lazy<>))
            .Select(x => $"{x.t.Name}.{x.f.Name}");
        Assert.Empty(eager);
    }
}
