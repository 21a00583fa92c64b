using Grid.Console;
using Grid.Console.Api;
using Grid.Console.Assets;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Margin Grid risk console.</summary>
public static class GridConsoleEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the console at <paramref name="prefix"/> ("" for the root): the pages (<c>/</c>,
    /// <c>/account/{id}</c>), the embedded front end (<c>/assets/...</c>), the JSON API and its
    /// Server-Sent Events under <c>/api</c>. Returns the group so the host can chain conventions on all
    /// of it, e.g. <c>.RequireHost("*:5001")</c> or <c>.RequireAuthorization(...)</c>: pages and files
    /// stay anonymous (they hold no data), the API follows the chained policy. Needs
    /// <see cref="Microsoft.Extensions.Hosting.GridConsoleServiceCollectionExtensions.AddGridConsole"/>.
    /// </summary>
    public static RouteGroupBuilder MapGridConsole(this IEndpointRouteBuilder endpoints, string prefix = "/console")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0 && (prefix[0] != '/' || prefix.EndsWith('/')))
        {
            throw new ArgumentException($"prefix: a path such as /console (or \"\" for the root), starting with '/' and not ending with one (was '{prefix}')", nameof(prefix));
        }

        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Grid.Console");
        var console = endpoints.MapGroup(prefix);
        ConsolePages.Map(console, prefix);
        ConsoleApi.Map(console.MapGroup("/api"), logger);
        ConsoleLog.Mapped(logger, prefix.Length == 0 ? "/" : prefix);
        return console;
    }
}
