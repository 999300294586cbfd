using Kvk.Graph.Hosting;
using Kvk.Graph.PublicLog;
using Kvk.Storage.Store;

// `dotnet run --project src/Graph` serves; `… -- rebuild` projects the read model again from every stored event, against
// the same database; `… -- secretariat issue|revoke|list` manages credentials; `… -- verify <URL|FILE>` checks a public
// log, with no database at all; `… -- mirror <URL|FILE>` copies another Kvk's public record into this one's database.
var commandLine = CommandLine.Parse(args);
if (commandLine is { Command: "verify" or "mirror", Argument: null })
{
    await Console.Error.WriteLineAsync(
        $"{commandLine.Command} takes one argument: a Kvk's address (http://…) or a file of its log (NDJSON, as GET /events serves it).");
    return 2;
}

if (commandLine is { Command: "verify", Argument: { } verified })
{
    return await VerifyCommand.RunAsync(verified, Console.Out, CancellationToken.None);
}

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
        case "mirror":
            return await MirrorCommand.RunAsync(kvk.App.Services, commandLine.Argument!, Console.Out, CancellationToken.None);
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
