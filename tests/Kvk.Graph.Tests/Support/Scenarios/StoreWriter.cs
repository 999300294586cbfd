using Kvk.Domain.Rounds;
using Kvk.Storage.Rounds;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Support.Scenarios;

/// <summary>Records through the host's <see cref="RoundRecorder"/>, as the secretariat's mutations do, without a token.</summary>
public sealed class StoreWriter(KvkTestServer server) : RoundWriter(server.ConnectionString)
{
    public override async Task<int> RecordAsync(RoundCommand command)
    {
        var result = await server.Services.GetRequiredService<RoundRecorder>().RecordAsync(command, RecordedRounds.Secretary);
        Assert.True(result.Status == RecordingStatus.Accepted, $"{command} was not accepted: {result.Status} {result.Refusal}");
        return (int)result.Version;
    }
}
