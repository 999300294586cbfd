using GraphQL.Types;
using GraphQL.Utilities;
using Kvk.Graph.Schema;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Schema;

public sealed class SchemaQualityTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private KvkSchema Schema => kvk.Server.Services.GetRequiredService<KvkSchema>();

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var missing = new List<string>();
        foreach (var type in Schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)
            && t is not ScalarGraphType { Name: "String" or "Int" or "Float" or "Boolean" or "ID" }))
        {
            Check(type.Description, type.Name);
            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    Check(field.Description, $"{type.Name}.{field.Name}");
                    foreach (var argument in field.Arguments ?? [])
                    {
                        Check(argument.Description, $"{type.Name}.{field.Name}({argument.Name})");
                    }
                }
            }

            if (type is EnumerationGraphType enumeration)
            {
                foreach (var value in enumeration.Values)
                {
                    Check(value.Description, $"{type.Name}.{value.Name}");
                }
            }
        }

        Assert.Empty(missing);

        void Check(string? description, string what)
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                missing.Add(what);
            }
        }
    }
}
