using Kvk.Graph.Hosting;
using Kvk.Storage.Store;

// `dotnet run --project src/Graph` serves; `… -- rebuild` projects the read model again from every
// stored event, against the same database; `… -- secretariat issue|revoke|list` manages credentials.
var commandLine = CommandLine.Parse(args);
try
{
    if (commandLine.Command == SecretariatCommand.Name)
    {
        // The database only, no host: a command never makes or prints a development token.
        return await SecretariatCommand.RunAsync(commandLine.HostArguments, Console.Out, Console.Error, CancellationToken.None);
    }

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
