using Kvk.Graph.Engine.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Kvk.Graph.Tests.Engine.Pipeline;

public sealed class RateLimitsTests
{
    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Development", null, false)]
    [InlineData("Production", "false", false)]
    [InlineData("Development", "true", true)]
    public void Rate_limiting_is_on_by_default_in_production_and_switched_by_configuration(string environment, string? enabled, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(enabled is null ? [] : [new("Kvk:RateLimiting:Enabled", enabled)]).Build();

        Assert.Equal(expected, RateLimits.From(configuration, new Environment(environment)).Enabled);
    }

    [Theory]
    [InlineData(null, null, null, 8000)]
    [InlineData("100", "300", null, 400)]
    [InlineData("100", "300", "50", 50)]
    public void The_live_bucket_holds_by_default_all_a_client_may_hold_at_once(string? connections, string? subscriptions, string? burst, int expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kvk:RateLimiting:MaxConnectionsPerClient"] = connections,
            ["Kvk:RateLimiting:MaxSubscriptionsPerClient"] = subscriptions,
            ["Kvk:RateLimiting:Live:Burst"] = burst,
        }).Build();

        Assert.Equal(expected, RateLimits.From(configuration, new Environment("Production")).LiveBurst);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Kvk";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
