using System.Net;
using Grid.Host.Tests.Infrastructure;

namespace Grid.Host.Tests;

/// <summary>
/// The risk console on the HTTP port: its pages are public (they hold no data), its API and live
/// stream need an admin key — the same keys as the gRPC API. (This host has real keys, so a request
/// from this machine without one is not trusted.)
/// </summary>
[Collection(GridHost.Name)]
public sealed class ConsoleAccessTests(GridHostFixture grid)
{
    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-key", HttpStatusCode.Unauthorized)]
    [InlineData(TestKeys.Engine, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Trader, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Admin, HttpStatusCode.OK)]
    public async Task ConsoleApi_NeedsAnAdminKey(string? key, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{grid.Host.HttpPort}") };
        foreach (var path in new[] { "/console/api/overview", "/console/api/accounts/demo-trader", "/console/api/market" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (key is not null)
            {
                request.Headers.Add("x-api-key", key);
            }

            using var response = await http.SendAsync(request);
            Assert.True(expected == response.StatusCode, $"{path} with key {key ?? "(none)"}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task ConsolePage_IsPublic()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{grid.Host.HttpPort}") };
        using var page = await http.GetAsync("/console/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.ToString());
    }
}
