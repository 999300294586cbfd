using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>The buckets a client's permits come from.</summary>
public enum AdmissionBucket
{
    /// <summary>Operations and every other request: <c>Kvk:RateLimiting:PermitsPerSecond</c> and <c>Burst</c>.</summary>
    Requests,

    /// <summary>Static files (stylesheets, scripts, icons): <c>Kvk:RateLimiting:Assets:PermitsPerSecond</c> and <c>Burst</c>.</summary>
    Assets,

    /// <summary>
    /// WebSocket upgrades, and subscriptions whose document this host has validated before (a watcher coming back):
    /// <c>Kvk:RateLimiting:Live:PermitsPerSecond</c> and <c>Burst</c>. Their count is capped besides (connections and
    /// subscriptions per client), and what they cost at the start is shared among them (the catch-up read).
    /// </summary>
    Live,
}

/// <summary>
/// How a request to an endpoint takes its permit, as the endpoint's metadata (<see cref="AdmissionEndpoints.WithAdmission"/>).
/// <see cref="RequestLog.UseRequestAdmission"/> decides every request from it in one place: a request without an endpoint,
/// or to an endpoint that declares nothing, takes one permit from <see cref="AdmissionBucket.Requests"/>. The only
/// request that takes none there is one its endpoint's transport says carries GraphQL operations: the transport then takes
/// one permit per operation itself.
/// </summary>
public sealed class AdmissionPolicy
{
    /// <summary>
    /// Set by the host on a request a configured proxy made itself (its address, no X-Forwarded-For): a health check,
    /// never a client's request.
    /// </summary>
    public const string FromProxyItem = "kvk.from-proxy";

    private readonly Func<HttpContext, bool>? _carriesOperations;
    private readonly bool _proxyProbe;

    private AdmissionPolicy(AdmissionBucket bucket, Func<HttpContext, bool>? carriesOperations, bool proxyProbe = false)
    {
        Bucket = bucket;
        _carriesOperations = carriesOperations;
        _proxyProbe = proxyProbe;
    }

    /// <summary>One permit from the client's bucket of requests.</summary>
    public static AdmissionPolicy Default { get; } = new(AdmissionBucket.Requests, null);

    /// <summary>One permit from the client's (more generous) bucket of static files.</summary>
    public static AdmissionPolicy StaticAsset { get; } = new(AdmissionBucket.Assets, null);

    /// <summary>
    /// A health endpoint: a configured proxy's own check (<see cref="FromProxyItem"/>) takes no permit, so that no client
    /// counted at the proxy's address (one on the proxy's machine, say) can make the proxy take the hosts out; anyone
    /// else's request takes one from the bucket of requests.
    /// </summary>
    public static AdmissionPolicy HealthProbe { get; } = new(AdmissionBucket.Requests, null, proxyProbe: true);

    /// <summary>
    /// A transport's endpoint: a request for which <paramref name="carriesOperations"/> is true takes its permits
    /// operation by operation in the transport; any other request to it (a page, a schema, an unsupported method) one
    /// permit from the bucket of requests, like every other request.
    /// </summary>
    public static AdmissionPolicy PerOperation(Func<HttpContext, bool> carriesOperations) => new(AdmissionBucket.Requests, carriesOperations);

    public AdmissionBucket Bucket { get; }

    /// <summary>Whether this request's permits are the transport's to take, one per operation.</summary>
    public bool TransportAdmits(HttpContext context) => _carriesOperations?.Invoke(context) == true;

    /// <summary>Whether this request takes no permit at all: a proxy's own health check.</summary>
    public bool TakesNoPermit(HttpContext context) => _proxyProbe && context.Items.ContainsKey(FromProxyItem);

    /// <summary>The policy of the endpoint the request was routed to; <see cref="Default"/> without one.</summary>
    public static AdmissionPolicy Of(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<AdmissionPolicy>() ?? Default;
}

public static class AdmissionEndpoints
{
    /// <summary>Declares how requests to these endpoints take their permits.</summary>
    public static TBuilder WithAdmission<TBuilder>(this TBuilder builder, AdmissionPolicy policy)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(policy);
}
