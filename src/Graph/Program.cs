using Kvk.Events.Storage;
using Kvk.Graph.Hosting;

try
{
    await using var kvk = await KvkApp.CreateAsync(args);
    await kvk.App.RunAsync();
}
catch (LocalPostgresUnavailableException e)
{
    Console.Error.WriteLine($"Kvk cannot start: {e.Message}");
    return 1;
}

return 0;
