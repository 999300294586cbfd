using Kvk.Graph.Live.Rehearsal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Kvk.Graph.Tests.Live.Rehearsal;

public sealed class RehearsalSettingsTests
{
    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Development", null, false)]
    [InlineData("Production", "false", false)]
    [InlineData("Development", "true", true)]
    public void Hosts_rehearse_in_production_unless_configured_otherwise(string environment, string? enabled, bool rehearses)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(enabled is null ? [] : [new("Kvk:Live:Rehearsal:Enabled", enabled)])
            .Build();

        var settings = RehearsalSettings.From(configuration, new HostingEnvironment { EnvironmentName = environment });

        Assert.Equal(rehearses, settings.Enabled);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void A_bound_that_is_not_positive_is_refused_at_start(string seconds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Kvk:Live:Rehearsal:MaxSeconds", seconds)]).Build();

        var production = new HostingEnvironment { EnvironmentName = Environments.Production };

        var refusal = Assert.Throws<InvalidOperationException>(() => RehearsalSettings.From(configuration, production));

        Assert.Contains("Kvk:Live:Rehearsal:MaxSeconds", refusal.Message, StringComparison.Ordinal);
    }
}
