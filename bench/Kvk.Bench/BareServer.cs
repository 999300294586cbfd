namespace Kvk.Bench;

/// <summary>
/// The reference: a bare ASP.NET Core endpoint on the same machine that answers any request (POST /graphql, a
/// page's GET) with fixed response bytes, the most any server could do with the same bytes on the same hardware.
/// </summary>
public sealed class BareServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile Response _response = new([], "application/json");

    private BareServer(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    public static async Task<BareServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new BareServer(app);
        app.Map("/{**path}", (HttpContext context) =>
        {
            var response = server._response;
            context.Response.ContentType = response.ContentType;
            context.Response.ContentLength = response.Bytes.Length;
            return context.Response.Body.WriteAsync(response.Bytes).AsTask();
        });
        await app.StartAsync();
        return server;
    }

    public void Serve(byte[] bytes, string contentType) => _response = new Response(bytes, contentType);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed record Response(byte[] Bytes, string ContentType);
}
