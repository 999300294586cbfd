using GraphQL;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Schema;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Engine.Pipeline;

/// <summary>The shipped documents (the explorer's, the downloads', the admin page's) are operations of the served schema.</summary>
public sealed class PersistedDocumentTests
{
    [Fact]
    public async Task Every_shipped_document_validates_against_the_served_schema()
    {
        await using var server = await KvkTestServer.StartAsync();
        var schema = server.Services.GetRequiredService<KvkSchema>();
        schema.Initialize();
        var registry = server.Services.GetRequiredService<PersistedDocumentRegistry>();
        Assert.Contains(registry.Documents.Values, d => d.Contains("mutation AdminOpenRound(", StringComparison.Ordinal));

        var invalid = new List<string>();
        foreach (var text in registry.Documents.Values)
        {
            var document = Parser.Parse(text);
            foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
            {
                var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
                {
                    Schema = schema,
                    Document = document,
                    Operation = operation,
                    Rules = DocumentValidator.CoreRules,
                    Variables = Inputs.Empty,
                    Extensions = Inputs.Empty,
                    UserContext = new Dictionary<string, object?>(),
                });

                // The variables are a client's to send; the document itself must be valid.
                invalid.AddRange(result.Errors.Where(e => e is not InvalidVariableError).Select(e => $"{operation.Name}: {e.Message}"));
            }
        }

        Assert.Empty(invalid);
    }
}
