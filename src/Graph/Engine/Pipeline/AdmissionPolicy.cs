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
    private readonly Func<HttpContext, bool>? _carriesOperations;

    private AdmissionPolicy(AdmissionBucket bucket, Func<HttpContext, bool>? carriesOperations)
    {
        Bucket = bucket;
        _carriesOperations = carriesOperations;
    }

    /// <summary>One permit from the client's bucket of requests.</summary>
    public static AdmissionPolicy Default { get; } = new(AdmissionBucket.Requests, null);

    /// <summary>One permit from the client's (more generous) bucket of static files.</summary>
    public static AdmissionPolicy StaticAsset { get; } = new(AdmissionBucket.Assets, null);

    /// <summary>
    /// A transport's endpoint: a request for which <paramref name="carriesOperations"/> is true takes its permits
    /// operation by operation in the transport; any other request to it (a page, a schema, an unsupported method) one
    /// permit from the bucket of requests, like every other request.
    /// </summary>
    public static AdmissionPolicy PerOperation(Func<HttpContext, bool> carriesOperations) => new(AdmissionBucket.Requests, carriesOperations);

    public AdmissionBucket Bucket { get; }

    /// <summary>Whether this request's permits are the transport's to take, one per operation.</summary>
    public bool TransportAdmits(HttpContext context) => _carriesOperations?.Invoke(context) == true;

    /// <summary>The policy of the endpoint the request was routed to; <see cref="Default"/> without one.</summary>
    public static AdmissionPolicy Of(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<AdmissionPolicy>() ?? Default;
}

public static class AdmissionEndpoints
{
    /// <summary>Declares how requests to these endpoints take their permits.</summary>
    public static TBuilder WithAdmission<TBuilder>(this TBuilder builder, AdmissionPolicy policy)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(policy);
}
