using System.Net;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Engine.Pipeline;

public sealed class SurfaceClientTests
{
    [Fact]
    public async Task A_surfaces_operations_beyond_the_first_of_a_request_each_take_a_permit()
    {
        await using var server = await KvkTestServer.StartAsync(
            null,
            "--Kvk:RateLimiting:Enabled=true",
            "--Kvk:RateLimiting:PermitsPerSecond=1",
            "--Kvk:RateLimiting:Burst=1");
        using var scope = server.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Connection.RemoteIpAddress = IPAddress.Parse("127.0.0.9");
        var client = scope.ServiceProvider.GetRequiredService<SurfaceClient>();

        // The first operation is the request's own (its permit was taken at the door); the bucket of one permit pays
        // the second; the next ones find it empty, bar one refill a second, which 19 operations in a row cannot outrun.
        var answers = new List<SurfaceAnswer>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await client.RunAsync(context, "Download", "Download/Index", null));
        }

        Assert.Empty(answers[0].Errors);
        Assert.Empty(answers[1].Errors);
        Assert.Contains(answers, a => a.Errors.Any(e => e.Code == Admission.RateLimited));
        Assert.All(answers.Where(a => a.Errors.Count > 0), a =>
        {
            Assert.False(a.Result.Executed);
            Assert.Equal(StatusCodes.Status429TooManyRequests, a.FailureStatus);
        });
    }
}
