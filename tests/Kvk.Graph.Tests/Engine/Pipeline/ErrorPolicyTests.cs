using GraphQL;
using GraphQL.Execution;
using Kvk.Graph.Engine.Pipeline;
using Npgsql;

namespace Kvk.Graph.Tests.Engine.Pipeline;

public sealed class ErrorPolicyTests
{
    [Fact]
    public void An_unexpected_failure_shows_only_a_reference_never_its_details()
    {
        var context = new UnhandledExceptionContext(new ExecutionOptions(), new InvalidOperationException(
            "select secret from kvk.mt_events; Host=db;Password=hunter2"));

        var reference = ErrorPolicy.Mask(context)!;

        var error = Assert.IsType<ExecutionError>(context.Exception);
        Assert.Equal("INTERNAL_ERROR", error.Code);
        Assert.Contains(reference, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_cancelled_by_the_database_s_own_time_limit_is_a_timeout_not_an_internal_error()
    {
        var cancelled = new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", "57014");
        var context = new UnhandledExceptionContext(new ExecutionOptions(), new InvalidOperationException("wrapped by Marten", cancelled));

        var reference = ErrorPolicy.Mask(context);

        Assert.Null(reference);
        Assert.Equal("TIMEOUT", Assert.IsType<TimeoutError>(context.Exception).Code);
    }

    [Fact]
    public void Any_failure_once_the_operation_s_time_is_up_is_a_timeout()
    {
        using var timeUp = new CancellationTokenSource();
        timeUp.Cancel();
        var context = new UnhandledExceptionContext(
            new ExecutionOptions { CancellationToken = timeUp.Token }, new NpgsqlException("Exception while reading from stream"));

        var reference = ErrorPolicy.Mask(context);

        Assert.Null(reference);
        Assert.Equal("TIMEOUT", Assert.IsType<TimeoutError>(context.Exception).Code);
    }

    [Fact]
    public void A_database_failure_within_the_time_is_no_timeout()
    {
        var context = new UnhandledExceptionContext(new ExecutionOptions(), new NpgsqlException("Exception while reading from stream"));

        Assert.NotNull(ErrorPolicy.Mask(context));
        Assert.NotEqual("TIMEOUT", Assert.IsType<ExecutionError>(context.Exception).Code);
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
