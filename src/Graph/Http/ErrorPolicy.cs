using System.Diagnostics;
using GraphQL;

namespace Kvk.Graph.Http;

/// <summary>
/// What errors may say. Outside Development, validation errors do not suggest field or type names
/// (no schema fishing through typos), and an unexpected failure says only that it happened, with a
/// reference that is also in the log: no stack traces, SQL or connection strings.
/// </summary>
public static class ErrorPolicy
{
    private const string Suggestion = " Did you mean ";

    public static string Reference => Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");

    public static ExecutionResult WithoutSuggestions(ExecutionResult result)
    {
        if (result.Errors is { Count: > 0 } errors && errors.Any(e => e.Message.Contains(Suggestion, StringComparison.Ordinal)))
        {
            var masked = new ExecutionErrors();
            foreach (var error in errors)
            {
                masked.Add(error.Message.IndexOf(Suggestion, StringComparison.Ordinal) is var at and >= 0
                    ? new ExecutionError(error.Message[..at]) { Code = error.Code, Path = error.Path }.WithLocationsOf(error)
                    : error);
            }

            result.Errors = masked;
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
