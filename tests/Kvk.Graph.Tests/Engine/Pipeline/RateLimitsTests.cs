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

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Kvk";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
