using System.Diagnostics;
using Kvk.Events.Municipalities;
using Kvk.Events.Programmes;
using Kvk.Events.Storage;
using Marten;
using Spectre.Console;

namespace Kvk.Graph.Commands;

/// <summary>
/// <c>generate [--events N]</c>: fills the store with synthetic award programmes (default one million
/// events), then rebuilds the read model. The served programme, Sveriges KvalitetsKommun, is untouched.
/// </summary>
public static class GenerateCommand
{
    public const long DefaultEvents = 1_000_000;

    public static async Task<int> RunAsync(string[] arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!TryParse(arguments, out var events))
        {
            await Console.Error.WriteLineAsync("Usage: generate [--events N] (N from 1 to 100000000; default 1000000)");
            return 2;
        }

        var store = services.GetRequiredService<IDocumentStore>();
        var import = new SyntheticImport(store, services.GetRequiredService<MunicipalityDirectory>());
        var clock = Stopwatch.StartNew();
        var appended = 0L;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask("Appending events", maxValue: events);
                appended = await import.AppendAsync(events, new Progress<long>(n => bar.Value = Math.Min(n, events)), cancellationToken);
                bar.Value = events;
            });
        AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Appended {appended:N0} events in {clock.Elapsed.TotalSeconds:0.0} s: [bold]{appended / clock.Elapsed.TotalSeconds:N0} events/s[/].");
        await RebuildCommand.RunAsync(services.GetRequiredService<ReadModelRebuild>(), cancellationToken);
        return 0;
    }

    private static bool TryParse(string[] arguments, out long events)
    {
        events = DefaultEvents;
        return arguments switch
        {
            [] => true,
            ["--events", var n] => long.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out events) && events is > 0 and <= 100_000_000,
            _ => false,
        };
    }
}
