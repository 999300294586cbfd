using GraphQL;
using Microsoft.AspNetCore.Http;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// What an answer's errors mean to its client, said once for every transport and surface: refused (the request's to
/// mend: its document, its variables, a value an argument does not take), failed (the server's: the database unavailable,
/// the operation's time up, an unexpected failure; try again), or limited (try again after a while).
/// </summary>
public static class AnswerStatus
{
    /// <summary>"ok"; "partial" (it ran, and some fields failed); "failed" (it did not answer, by the server's failure); or "refused".</summary>
    public static string Outcome(ExecutionResult result) =>
        result.Errors is not { Count: > 0 } ? "ok" : result.Executed ? "partial" : Failed(result) ? "failed" : "refused";

    /// <summary>
    /// The HTTP status of an answer whose errors stand for it (no data to serve): 429 when a limit refused it, 503 when the
    /// database or the operation's time failed it, 500 for an unexpected failure, and 400 when the request was refused.
    /// </summary>
    public static int HttpStatus(ExecutionResult result) =>
        Has(result, Admission.RateLimited) ? StatusCodes.Status429TooManyRequests
        : Has(result, ErrorPolicy.Timeout) || Has(result, ErrorPolicy.DatabaseUnavailable) ? StatusCodes.Status503ServiceUnavailable
        : Has(result, ErrorPolicy.InternalError) ? StatusCodes.Status500InternalServerError
        : StatusCodes.Status400BadRequest;

    /// <summary>The server's failure, not the request's: the statuses of 500 and above.</summary>
    private static bool Failed(ExecutionResult result) => HttpStatus(result) >= StatusCodes.Status500InternalServerError;

    private static bool Has(ExecutionResult result, string code) => result.Errors?.Any(e => e.Code == code) == true;
}
