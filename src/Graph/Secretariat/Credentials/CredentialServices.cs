using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Rounds;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kvk.Graph.Secretariat.Credentials;

public static class CredentialServices
{
    /// <summary>Bearer tokens (configured and issued), the host's copy of the issued ones, and the log of the press's reads under embargo.</summary>
    public static IServiceCollection AddKvkCredentials(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<CredentialCache>();
        services.AddHostedService(s => s.GetRequiredService<CredentialCache>());
        services.AddSingleton<IBearerAuthenticator, SecretariatAuthenticator>();
        services.AddScoped<EmbargoReadLog>();
        return services;
    }
}
