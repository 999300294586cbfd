using System.Globalization;
using Kvk.Bench;
using Kvk.Bench.Gala;
using Kvk.Bench.Profile;

// dotnet run -c Release --project bench/Kvk.Bench -- [--events 1000000] [--connections 16] [--duration 10] [--warmup 3] [--host-warmup 15] [--slices 5] [--only
// TEXT|TEXT] [--smoke]
// dotnet run -c Release --project bench/Kvk.Bench -- --gala [--websockets 6000] [--sse 4000] [--newsroom 3000] [--per-address 20]
//   [--read-connections 32] [--reads-per-second 2000] [--seconds 20]
// dotnet run -c Release --project bench/Kvk.Bench -- --profile busting [--connections 16] [--duration 12] [--host-warmup 30] [--bare 5] [--perf DIR]
if (Array.IndexOf(args, "--profile") is var at and >= 0)
{
    var profile = new ProfileOptions(at + 1 < args.Length ? args[at + 1] : "busting");
    for (var i = 0; i < args.Length; i++)
    {
        int Value() => int.Parse(args[++i], CultureInfo.InvariantCulture);
        profile = args[i] switch
        {
            "--profile" => profile with { Filter = args[++i] },
            "--connections" => profile with { Connections = Value() },
            "--duration" => profile with { DurationSeconds = Value() },
            "--host-warmup" => profile with { HostWarmupSeconds = Value() },
            "--bare" => profile with { BareSeconds = Value() },
            "--perf" => profile with { PerfDirectory = Path.GetFullPath(args[++i]) },
            _ => throw new ArgumentException($"Unknown option {args[i]} for --profile. Options: --profile QUERY --connections N --duration S " +
                "--host-warmup S --bare S --perf DIR"),
        };
    }

    var measured = await ProfileRun.RunAsync(profile, Console.Out);
    var markdown = ProfileReportWriter.Markdown(measured, profile, "dotnet run -c Release --project bench/Kvk.Bench -- " + string.Join(' ', args));
    Console.WriteLine();
    Console.WriteLine(markdown);

    // A run under perf's sampler measures a host slowed by it: its figures are printed, not kept.
    if (profile.PerfDirectory is null)
    {
        ProfileReportWriter.WriteInto(Path.Combine(GalaCluster.RepositoryRoot, "BENCHMARKS.md"), markdown);
    }

    return 0;
}

if (args.Contains("--gala"))
{
    var gala = new GalaOptions();
    for (var i = 0; i < args.Length; i++)
    {
        int Value() => int.Parse(args[++i], CultureInfo.InvariantCulture);
        gala = args[i] switch
        {
            "--gala" => gala,
            "--websockets" => gala with { WebSockets = Value() },
            "--sse" => gala with { ServerSentEvents = Value() },
            "--read-connections" => gala with { ReadConnections = Value() },
            "--reads-per-second" => gala with { ReadsPerSecond = Value() },
            "--seconds" => gala with { Seconds = Value() },
            "--newsroom" => gala with { Newsroom = Value() },
            "--per-address" => gala with { WatchersPerAddress = Value() },
            _ => throw new ArgumentException($"Unknown option {args[i]} for --gala. Options: --websockets N --sse N --newsroom N --per-address N " +
                "--read-connections N --reads-per-second N --seconds S"),
        };
    }

    var figures = GalaReportWriter.Markdown(await GalaRun.RunAsync(gala, Console.Out), "dotnet run -c Release " +
        "--project bench/Kvk.Bench -- " + string.Join(' ', args));
    Console.WriteLine();
    Console.WriteLine(figures);
    GalaReportWriter.WriteInto(Path.Combine(GalaCluster.RepositoryRoot, "BENCHMARKS.md"), figures);
    return 0;
}

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
        _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --events N --connections N --duration S --warmup S --host-warmup S --slices " +
            "N --only TEXT --smoke"),
    };
}

var report = await Harness.RunAsync(options, Console.Out);
Console.WriteLine();
Console.WriteLine(Report.Markdown(report, "dotnet run -c Release --project bench/Kvk.Bench -- " + string.Join(' ', args)));
return 0;
