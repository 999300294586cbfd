using Kvk.Domain.Rounds;
using Kvk.Storage.Rounds;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Support;

/// <summary>Records rounds through the real write path (RoundRecorder, as the secretariat's mutations do).</summary>
public static class RecordedRounds
{
    public const string Secretary = "test-secretary";

    public static async Task RecordAsync(this KvkTestServer server, params RoundCommand[] commands)
    {
        var recorder = server.Services.GetRequiredService<RoundRecorder>();
        foreach (var command in commands)
        {
            var result = await recorder.RecordAsync(command, Secretary);
            Assert.True(result.Status == RecordingStatus.Accepted, $"{command} was not accepted: {result.Status} {result.Refusal}");
        }
    }
}
