using GraphQL;
using GraphQL.Execution;
using Kvk.Graph.Engine.Pipeline;

namespace Kvk.Graph.Tests.Engine.Pipeline;

public sealed class ErrorPolicyTests
{
    [Fact]
    public void An_unexpected_failure_shows_only_a_reference_never_its_details()
    {
        var context = new UnhandledExceptionContext(new ExecutionOptions(), new InvalidOperationException(
            "select secret from kvk.mt_events; Host=db;Password=hunter2"));

        var reference = ErrorPolicy.Mask(context);

        var error = Assert.IsType<ExecutionError>(context.Exception);
        Assert.Equal("INTERNAL_ERROR", error.Code);
        Assert.Contains(reference, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggestions_of_names_are_cut_from_validation_errors()
    {
        var result = new ExecutionResult
        {
            Errors = [new ExecutionError("Cannot query field 'awardz' on type 'Query'. Did you mean 'awards' or 'award'?") { Code = "FIELDS_ON_CORRECT_TYPE" }],
        };

        var masked = ErrorPolicy.WithoutSuggestions(result);

        Assert.Equal("Cannot query field 'awardz' on type 'Query'.", masked.Errors![0].Message);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", masked.Errors[0].Code);
    }
}
