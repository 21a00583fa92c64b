using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Grid.Console.Assets;

/// <summary>
/// The console's pages: its root and every deep link (<c>account/{id}</c>, <c>simulator</c>, <c>house</c>) answer index.html, whose
/// script routes on the URL; <c>assets/...</c> are the embedded files. The root without its trailing
/// slash redirects, so the page's relative URLs resolve under the console. Pages and files hold no
/// data and allow anonymous access, so a browser can load the console before it presents an API key;
/// the API and its stream follow whatever authorization the host chains on the console's group.
/// </summary>
internal static class ConsolePages
{
    public static void Map(RouteGroupBuilder console, string prefix)
    {
        console.MapGet("/", (HttpContext context, ConsoleAssets assets) =>
        {
            var request = context.Request;
            return request.Path.Value is { } path && path.EndsWith('/')
                ? assets.Page(context, BasePath(request, prefix))
                : Results.Redirect($"{request.PathBase}{request.Path}/{request.QueryString}");
        }).AllowAnonymous();
        console.MapGet("/account/{**id}", (HttpContext context, ConsoleAssets assets) => assets.Page(context, BasePath(context.Request, prefix)))
            .AllowAnonymous();
        console.MapGet("/simulator", (HttpContext context, ConsoleAssets assets) => assets.Page(context, BasePath(context.Request, prefix)))
            .AllowAnonymous();
        console.MapGet("/house", (HttpContext context, ConsoleAssets assets) => assets.Page(context, BasePath(context.Request, prefix)))
            .AllowAnonymous();
        console.MapGet("/assets/{**path}", (string path, HttpContext context, ConsoleAssets assets) => assets.Serve(context, path))
            .AllowAnonymous();
    }

    private static string BasePath(HttpRequest request, string prefix) => $"{request.PathBase}{prefix}/";
}
