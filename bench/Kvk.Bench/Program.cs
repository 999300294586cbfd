using System.Globalization;
using Kvk.Bench;

// dotnet run -c Release --project bench/Kvk.Bench -- [--events 1000000] [--connections 16] [--duration 10] [--warmup 3] [--host-warmup 15] [--slices 5] [--only TEXT] [--smoke]
var options = new BenchOptions();
for (var i = 0; i < args.Length; i++)
{
    int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
    options = args[i] switch
    {
        "--events" => options with { ScaleEvents = Next() },
        "--connections" => options with { Connections = Next() },
        "--duration" => options with { DurationSeconds = Next() },
        "--warmup" => options with { WarmupSeconds = Next() },
        "--host-warmup" => options with { HostWarmupSeconds = Next() },
        "--slices" => options with { Slices = Next() },
        "--only" => options with { Only = args[++i] },
        "--smoke" => options with { Smoke = true, DurationSeconds = 1, WarmupSeconds = 1, HostWarmupSeconds = 1, Slices = 1 },
        _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --events N --connections N --duration S --warmup S --host-warmup S --slices N --only TEXT --smoke"),
    };
}

var report = await Harness.RunAsync(options, Console.Out);
Console.WriteLine();
Console.WriteLine(Report.Markdown(report, "dotnet run -c Release --project bench/Kvk.Bench -- " + string.Join(' ', args)));
return 0;
