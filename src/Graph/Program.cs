using Kvk.Graph.Hosting;
using Kvk.Storage.Store;

// `dotnet run --project src/Graph` serves; `… -- rebuild` projects the read model again from every
// stored event, against the same database.
var commandLine = CommandLine.Parse(args);
try
{
    await using var kvk = await KvkApp.CreateAsync(commandLine.HostArguments, serves: commandLine.Serves);
    switch (commandLine.Command)
    {
        case "rebuild":
            await RebuildCommand.RunAsync(kvk.App.Services.GetRequiredService<ReadModelRebuild>(), CancellationToken.None);
            return 0;
        default:
            await kvk.App.RunAsync();
            return 0;
    }
}
catch (LocalPostgresUnavailableException e)
{
    await Console.Error.WriteLineAsync($"Kvk cannot start: {e.Message}");
    return 1;
}
