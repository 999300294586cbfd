using System.Diagnostics;
using System.Globalization;
using Kvk.Storage.Store;
using Spectre.Console;

namespace Kvk.Graph.Hosting;

/// <summary><c>rebuild</c>: throws the read model away and projects it again from every stored event.</summary>
public static class RebuildCommand
{
    public static async Task<double> RunAsync(ReadModelRebuild rebuild, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var projected = 0L;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask("Projecting events", maxValue: 1);
                projected = await rebuild.RunAsync(
                    new Progress<(long Events, long Total)>(p =>
                    {
                        bar.MaxValue = Math.Max(p.Total, 1);
                        bar.Value = p.Events;
                    }),
                    cancellationToken);
                bar.Value = bar.MaxValue;
            });
        var rate = projected / clock.Elapsed.TotalSeconds;
        AnsiConsole.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"Rebuilt the read model from {projected:N0} events in {clock.Elapsed.TotalSeconds:0.0} s: [bold]{rate:N0} events/s[/].");
        return rate;
    }
}
