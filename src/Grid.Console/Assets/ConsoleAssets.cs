using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Grid.Console.Assets;

/// <summary>
/// The front end, embedded in the assembly under "console/" (HTML, CSS, JavaScript modules; no CDN).
/// Files are served with an ETag and revalidated on every load; index.html gets the console's base
/// path and a strict Content-Security-Policy (scripts and styles from the console only).
/// </summary>
internal sealed class ConsoleAssets
{
    /// <summary>The page every console route answers with.</summary>
    public const string Index = "index.html";

    private const string Prefix = "console/";
    private const string BaseMarker = "{{base}}";
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    private readonly Dictionary<string, ConsoleAsset> _files;

    public ConsoleAssets()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        _files = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var type = Types.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            _files[name[Prefix.Length..]] = new ConsoleAsset(content, type, Tag(content));
        }
    }

    /// <summary>Relative paths of every embedded file ("index.html", "js/app.js", ...).</summary>
    public IReadOnlyCollection<string> Paths => _files.Keys;

    /// <summary>Answers with the file at <paramref name="path"/>, 304 when the browser has it, 404 when none.</summary>
    public IResult Serve(HttpContext context, string path)
    {
        if (path == Index || !_files.TryGetValue(path, out var file))
        {
            return Results.NotFound();
        }

        return Send(context, file.Content, file.ContentType, file.ETag);
    }

    /// <summary>Answers with index.html, its base set to <paramref name="basePath"/> (ending in '/').</summary>
    public IResult Page(HttpContext context, string basePath)
    {
        var file = _files[Index];
        var html = Encoding.UTF8.GetString(file.Content).Replace(BaseMarker, System.Net.WebUtility.HtmlEncode(basePath), StringComparison.Ordinal);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        var content = Encoding.UTF8.GetBytes(html);
        return Send(context, content, file.ContentType, Tag(content));
    }

    private static string Tag(byte[] content) => $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"";

    private static IResult Send(HttpContext context, byte[] content, string type, string etag)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.Any(v => v == etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(content, type);
    }
}
