namespace Kvk.Graph.Engine.Profiling;

/// <summary>
/// The phases of a GraphQL request over HTTP that <see cref="RequestProfile"/> times, where their boundaries really are in
/// the code. Some lie within others (validation within the executer, SQL within execution): the harness subtracts them.
/// </summary>
public enum ProfilePhase
{
    /// <summary>A whole request from the first middleware on (its profile endpoint excepted).</summary>
    Request,

    /// <summary>The JSON body read and parsed (<c>HttpTransport</c>).</summary>
    ReadBody,

    /// <summary>The response cache asked for the request's answer, and not having it.</summary>
    ResponseCacheLookup,

    /// <summary>The GraphQL request taken from the parsed body: query, variables, extensions.</summary>
    DecodeRequest,

    /// <summary>The operation pipeline, whole: checks, GraphQL.NET's executer, notes, error policy, log and metrics.</summary>
    Operation,

    /// <summary>GraphQL.NET's executer, whole: document, validation, execution.</summary>
    Executer,

    /// <summary>A document found in the document cache (counted per hit; the time is the lookup).</summary>
    DocumentCacheHit,

    /// <summary>A document parsed (a miss of the document cache).</summary>
    Parse,

    /// <summary>Validation and the coercion of variables and arguments, cost analysis included.</summary>
    Validation,

    /// <summary>The complexity analysis (the cost limit), within validation.</summary>
    CostAnalysis,

    /// <summary>A connection taken from the read pool.</summary>
    SqlConnection,

    /// <summary>A read statement sent, executed and its rows read (documents not held yet deserialized), within execution.</summary>
    SqlStatement,

    /// <summary>The operation's log line and metrics.</summary>
    OperationLog,

    /// <summary>The result serialized to JSON bytes.</summary>
    Serialization,

    /// <summary>The serialized answer kept in the response cache.</summary>
    ResponseCacheStore,

    /// <summary>The answer's bytes written to the response.</summary>
    WriteResponse,

    /// <summary>The access log line (<c>RequestLog</c>).</summary>
    RequestLog,
}
