using System.Diagnostics;
using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using Kvk.Graph.Engine.Profiling;
using Kvk.Graph.Engine.Reading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>One operation as a transport hands it to the pipeline.</summary>
/// <param name="Services">The operation's own services (a scope per operation): its batch loaders serve it alone.</param>
/// <param name="QueriesOnly">Only a query may run (GET).</param>
/// <param name="Transport">"POST", "GET", "WebSocket" or "SSE", for the log.</param>
/// <param name="Client">Whom the operation's permits are counted against (<see cref="Admission.ClientOf"/>).</param>
/// <param name="Cost">What the client asked to learn of the operation's cost (HTTP's <c>GraphQL-Cost</c> header).</param>
/// <param name="AfterVersion">
/// The data version the answer must reflect at least (<see cref="DataVersion.AfterVersionHeader"/>, read-your-writes), as the
/// transport was told it; the request's own <c>extensions.kvk.afterVersion</c> asks it too.
/// </param>
public sealed record OperationRequest(
    GraphQLRequest Request,
    ClaimsPrincipal User,
    IServiceProvider Services,
    bool QueriesOnly,
    string Transport,
    string Client,
    CostRequest Cost = CostRequest.None,
    long? AfterVersion = null);

/// <summary>
/// The one path every GraphQL operation takes, whichever transport brought it: admission (the rate limit),
/// the user's credential (still valid?), the variables' limits, the read route (<see cref="ReadRoute"/>: the secretariat reads the primary,
/// and so does a read asking for a data version the read pool has not replayed within its bound), then
/// execution, where the document cache, the document limits, the validation rules (aliases, depth, complexity
/// with filters counted, input values) and the timeout apply; then the resolvers' notes (<see cref="OperationNotes"/>),
/// the suggestions for misspelt input names (<see cref="InputSuggestions"/>), the error policy and one log line. A
/// transport only frames requests and results.
/// </summary>
public sealed class OperationPipeline
{
    private readonly ISchema _schema;
    private readonly IDocumentExecuter _executer;
    private readonly QueryLimits _limits;
    private readonly Admission _admission;
    private readonly ParsedDocumentCache _documents;
    private readonly PersistedDocumentRegistry _persisted;
    private readonly bool _development;
    private readonly ILogger _log;
    private readonly IValidationRule[] _rules;
    private readonly IValidationRule[] _queryRules;
    private readonly IValidationRule[] _cachedRules;
    private readonly IValidationRule[] _cachedQueryRules;

    public OperationPipeline(
        ISchema schema,
        IDocumentExecuter executer,
        QueryLimits limits,
        Admission admission,
        ParsedDocumentCache documents,
        PersistedDocumentRegistry persisted,
        IHostEnvironment environment,
        ILoggerFactory logs,
        RequestProfile? profile = null)
    {
        Profile = profile;
        (_schema, _executer, _limits, _admission, _documents, _persisted, _development, _log) = (
            schema,
            executer,
            limits,
            admission,
            documents,
            persisted,
            environment.IsDevelopment(),
            logs.CreateLogger(LogCategory));
        var complexity = new OperationCost.MeasuredComplexityRule(new ComplexityOptions
        {
            MaxDepth = limits.MaxDepth,
            MaxComplexity = limits.MaxComplexity,
            DefaultComplexityImpactDelegate = limits.Impact,
        }, profile);
        _rules = [.. DocumentValidator.CoreRules, new InputSuggestionsRule(), new AliasLimitRule(limits), new InputValuesRule(limits), complexity];
        _queryRules = [.. _rules, new QueriesOnlyOverGet()];
        _cachedRules = [complexity];
        _cachedQueryRules = [complexity, new QueriesOnlyOverGet()];
    }

    public const string LogCategory = "Kvk.Operations";

    /// <summary>The request profile, when enabled (<c>Kvk:Profile:Enabled</c>): the transports time their phases in it.</summary>
    public RequestProfile? Profile { get; }

    /// <summary>Takes one permit of <paramref name="client"/> for an operation; null when admitted.</summary>
    public AdmissionRefusal? Admit(string client) => _admission.Admit(client);

    /// <summary>
    /// Takes one permit of <paramref name="client"/> for a request that may start a subscription (a WebSocket's
    /// <c>subscribe</c>, an event stream): a subscription this host has validated before (by its text or its persisted
    /// document) takes it from the live bucket, so that the watchers of a host that died come back at once; anything else,
    /// an unknown or unreadable request included, from the bucket of operations. Null when admitted.
    /// </summary>
    public AdmissionRefusal? AdmitStart(string client, GraphQLRequest? request) =>
        _admission.Admit(client, IsKnownSubscription(request) ? AdmissionBucket.Live : AdmissionBucket.Requests);

    private bool IsKnownSubscription(GraphQLRequest? request) =>
        (request?.Query ?? (request?.DocumentId is { } id ? _persisted.Find(id) : null)) is { } query
        && _documents.IsValidatedSubscription(query, request!.OperationName);

    public Admission Admission => _admission;

    public QueryLimits Limits => _limits;

    public async Task<ExecutionResult> ExecuteAsync(OperationRequest operation, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var started = Profile is null ? 0 : RequestProfile.Now();
        var request = operation.Request;
        var (requested, invalid) = DataVersion.FromExtensions(request.Extensions);
        var result = await CredentialRefusalAsync(operation, cancellationToken) is { } refused
            ? new ExecutionResult { Errors = [refused.ToError()] }
            : _limits.CheckVariables(request.Variables) is { } refusal
            ? new ExecutionResult { Errors = [refusal] }
            : invalid is not null
            ? new ExecutionResult { Errors = [invalid] }
            : ErrorPolicy.WithExpectedForms(await ExecuteCheckedAsync(operation, Math.Max(operation.AfterVersion ?? 0, requested ?? 0), cancellationToken));
        if (!_development)
        {
            result = ErrorPolicy.WithoutSuggestions(result);
        }

        var logged = Profile is null ? 0 : RequestProfile.Now();
        GraphQLMetrics.OperationCompleted(operation.Transport, AnswerStatus.Outcome(result), clock.Elapsed);
        if (_log.IsEnabled(LogLevel.Information))
        {
            var name = LogValue.Safe(OperationName(result, request));
            var client = LogValue.Safe(operation.Client);
            var trace = Activity.Current?.TraceId.ToString() ?? "";
            var (outcome, duration) = (AnswerStatus.Outcome(result), clock.Elapsed.TotalMilliseconds);
            OperationLog.Completed(_log, operation.Transport, name, outcome, duration, client, trace);
        }

        Profile?.Add(ProfilePhase.OperationLog, logged);
        Profile?.Add(ProfilePhase.Operation, started);
        return result;
    }

    /// <summary>
    /// Whether the user's credential still holds, asked for every operation: a WebSocket keeps the user it was opened
    /// with, so a credential revoked or expired since is refused at its next operation, as over HTTP.
    /// </summary>
    private static ValueTask<CredentialRefusal?> CredentialRefusalAsync(OperationRequest operation, CancellationToken cancellationToken) =>
        operation.Services.GetService<IBearerAuthenticator>() is { } authenticator
            ? authenticator.CheckAsync(operation.User, cancellationToken)
            : ValueTask.FromResult<CredentialRefusal?>(null);

    /// <param name="afterVersion">The data version the reads must reflect at least (0: any).</param>
    private async Task<ExecutionResult> ExecuteCheckedAsync(OperationRequest operation, long afterVersion, CancellationToken cancellationToken)
    {
        var request = operation.Request;
        var route = operation.Services.GetRequiredService<ReadRoute>();
        route.Choose(operation.User);
        if (afterVersion > 0
            && !route.FromPrimary
            && operation.Services.GetService<IReadFreshness>() is { } freshness
            && !await freshness.AwaitAsync(afterVersion, cancellationToken))
        {
            route.ReadPrimary();
        }

        var userContext = OperationCost.UserContext(operation.Cost);
        var started = Profile is null ? 0 : RequestProfile.Now();
        var result = await _executer.ExecuteAsync(options =>
        {
            options.UserContext = userContext;
            options.Schema = _schema;
            options.Query = request.Query;
            options.DocumentId = request.DocumentId;
            options.Variables = request.Variables;
            options.OperationName = request.OperationName;
            options.Extensions = request.Extensions;
            options.RequestServices = operation.Services;
            options.User = operation.User;
            options.CancellationToken = cancellationToken;
            options.Timeout = _limits.Timeout;
            options.ValidationRules = operation.QueriesOnly ? _queryRules : _rules;
            options.CachedDocumentValidationRules = operation.QueriesOnly ? _cachedQueryRules : _cachedRules;
            options.UnhandledExceptionDelegate = context =>
            {
                if (ErrorPolicy.Mask(context) is { } reference)
                {
                    OperationLog.ResolverFailed(_log, reference, context.OriginalException);
                }

                return Task.CompletedTask;
            };
        });
        Profile?.Add(ProfilePhase.Executer, started);
        result = InputSuggestions.Apply(result, userContext, _schema);

        // Notes only of an operation that ran: a validate-only answer (GraphQL-Cost) has no data for them to explain.
        if (result.Executed)
        {
            result = operation.Services.GetRequiredService<OperationNotes>().WriteInto(result);
            if (operation.Services.GetRequiredService<CommittedVersion>().Version is { } committed)
            {
                result.Extensions ??= [];
                result.Extensions[DataVersion.Extension] = new Dictionary<string, object?> { ["committedAt"] = DataVersion.Format(committed) };
            }
        }

        return OperationCost.Answer(result, operation.Cost, userContext, _limits);
    }

    /// <summary>The operation's name for logs and traces: its given name, or its kind.</summary>
    public static string OperationName(ExecutionResult result, GraphQLRequest request) =>
        result.Operation?.Name?.StringValue ?? request.OperationName ?? result.Operation?.Operation.ToString().ToLowerInvariant() ?? "";

}
