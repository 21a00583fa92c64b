using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grid.Console.Tests.Unit;

/// <summary>What MapGridConsole maps, and how a host's authorization applies to it.</summary>
public sealed class ConsoleRoutesTests
{
    [Fact]
    public async Task Console_MapsPagesFilesApiAndStream_UnderItsPrefix()
    {
        await using var app = App();
        app.MapGridConsole();

        Assert.Equal(
            ["/console/", "/console/account/{**id}", "/console/api/accounts/{id}", "/console/api/accounts/{id}/what-if", "/console/api/activity",
                "/console/api/events", "/console/api/house", "/console/api/market", "/console/api/overview", "/console/api/simulate", "/console/assets/{**path}", "/console/house", "/console/simulator"],
            Endpoints(app).Select(e => e.RoutePattern.RawText!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ChainedAuthorization_GuardsTheApi_PagesStayOpen()
    {
        await using var app = App();
        app.MapGridConsole().RequireAuthorization("console");

        foreach (var endpoint in Endpoints(app))
        {
            var api = endpoint.RoutePattern.RawText!.StartsWith("/console/api/", StringComparison.Ordinal);
            Assert.NotEmpty(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
            Assert.Equal(!api, endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null);
        }
    }

    [Theory]
    [InlineData("console")]
    [InlineData("/console/")]
    public async Task Prefix_MustBeAPath(string prefix)
    {
        await using var app = App();
        Assert.Throws<ArgumentException>(() => app.MapGridConsole(prefix));
    }

    [Fact]
    public async Task EmptyPrefix_ServesFromTheRoot()
    {
        await using var app = App();
        app.MapGridConsole("");

        Assert.Contains(Endpoints(app), e => e.RoutePattern.RawText == "/api/overview");
    }

    private static WebApplication App()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddGridConsole(builder.Configuration);
        return builder.Build();
    }

    private static List<RouteEndpoint> Endpoints(WebApplication app)
        => [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()];
}
