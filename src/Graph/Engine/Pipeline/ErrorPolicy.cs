using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// What errors may say. Outside Development, validation errors do not suggest field or type names
/// (no schema fishing through typos), and an unexpected failure says only that it happened, with a
/// reference that is also in the log: no stack traces, SQL or connection strings.
/// </summary>
public static class ErrorPolicy
{
    public const string InternalError = "INTERNAL_ERROR";

    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";

    /// <summary>The code of GraphQL.NET's <see cref="TimeoutError"/>: the operation ran out of its time.</summary>
    public const string Timeout = "TIMEOUT";

    private const string Suggestion = " Did you mean ";

    public static string Reference => Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");

    /// <summary>
    /// Replaces an unexpected exception with what a client may read: the operation running out of its time is TIMEOUT,
    /// as the executer says it; the database being unreachable is said plainly (DATABASE_UNAVAILABLE: retry later);
    /// anything else is INTERNAL_ERROR with a reference.
    /// </summary>
    /// <returns>The reference under which the exception is to be logged, or null for a timeout, which is no fault.</returns>
    public static string? Mask(UnhandledExceptionContext context)
    {
        if (IsTimeout(context))
        {
            context.Exception = new TimeoutError();
            return null;
        }

        var reference = Reference;
        context.Exception = IsDatabaseOutage(context.OriginalException)
            ? new ExecutionError($"The database is unavailable; try again shortly (reference {reference}).") { Code = DatabaseUnavailable }
            : new ExecutionError($"An internal error occurred; it is logged with the reference {reference}.") { Code = InternalError };
        return reference;
    }

    /// <summary>
    /// Whether a resolver failed because the operation's time ran out. The executer only recognises a cancellation
    /// exception as that; but a statement cancelled by the host breaks its connection (the read pools do not wait for the
    /// server's confirmation), and PostgreSQL's own statement_timeout, set to the same limit, may fire first.
    /// </summary>
    private static bool IsTimeout(UnhandledExceptionContext context) =>
        (context.Context?.CancellationToken ?? context.ExecutionOptions.CancellationToken).IsCancellationRequested
        || Chain(context.OriginalException).Any(e => e is Npgsql.PostgresException { SqlState: "57014" });

    private static bool IsDatabaseOutage(Exception exception) => Chain(exception).Any(e =>
        e is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException
            or Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" });

    /// <summary>An exception and the ones it wraps, outermost first.</summary>
    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }

    /// <summary>Adds to the error of a badly formed scalar input the form the scalar expects (<see cref="ExpectedFormException"/>).</summary>
    public static ExecutionResult WithExpectedForms(ExecutionResult result) =>
        Reworded(result, error => ExpectedForm(error) is { } form ? $"{error.Message.TrimEnd('.')}: {form.Message}" : null);

    private static ExpectedFormException? ExpectedForm(ExecutionError error) =>
        Chain(error.InnerException).OfType<ExpectedFormException>().FirstOrDefault() is { } form
        && !error.Message.Contains(form.Message, StringComparison.Ordinal) ? form : null;

    public static ExecutionResult WithoutSuggestions(ExecutionResult result) =>
        Reworded(result, error => error.Message.IndexOf(Suggestion, StringComparison.Ordinal) is var at and >= 0 ? error.Message[..at] : null);

    /// <summary>The result with each error <paramref name="reword"/> gives a new message for replaced (code, path and locations kept).</summary>
    public static ExecutionResult Reworded(ExecutionResult result, Func<ExecutionError, string?> reword)
    {
        if (result.Errors is { Count: > 0 } errors && errors.Any(e => reword(e) is not null))
        {
            var reworded = new ExecutionErrors();
            foreach (var error in errors)
            {
                reworded.Add(reword(error) is { } message
                    ? new ExecutionError(message) { Code = error.Code, Path = error.Path }.WithLocationsOf(error)
                    : error);
            }

            result.Errors = reworded;
        }

        return result;
    }

    private static ExecutionError WithLocationsOf(this ExecutionError error, ExecutionError source)
    {
        foreach (var location in source.Locations ?? [])
        {
            error.AddLocation(location);
        }

        return error;
    }
}
