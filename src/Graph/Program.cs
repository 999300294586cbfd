using Kvk.Events.Storage;
using Kvk.Graph.Commands;
using Kvk.Graph.Hosting;

// `dotnet run --project src/Graph` serves; `… -- generate [--events N]` and `… -- rebuild` run the
// scale commands (synthetic programmes, projection rebuild) against the same database.
var commandLine = CommandLine.Parse(args);
try
{
    await using var kvk = await KvkApp.CreateAsync(commandLine.HostArguments);
    switch (commandLine.Command)
    {
        case "generate":
            return await GenerateCommand.RunAsync(commandLine.CommandArguments, kvk.App.Services, CancellationToken.None);
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
