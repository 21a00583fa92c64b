using System.Text.Json;
using Grid.Console.Tests.Infrastructure;

namespace Grid.Console.Tests.Api;

/// <summary>The live stream (Server-Sent Events) read as a browser reads it.</summary>
[Collection(ConsoleHost.Name)]
public sealed class ConsoleStreamTests(ConsoleHostFixture grid)
{
    [Fact]
    public async Task AccountStream_StartsWithTheAccount_ThenActivityEverySecond()
    {
        var events = await Read("api/events?account=demo-trader", until: e => e.Count(x => x.Type == "activity") >= 2 && e.Any(x => x.Type == "account"));

        var account = events.First(e => e.Type == "account").Data;
        Assert.Equal("demo-trader", account.GetProperty("id").GetString());
        Assert.Equal("ok", account.GetProperty("figures").GetProperty("state").GetString());
        Assert.True(events.First(e => e.Type == "activity").Data.TryGetProperty("checksPerSecond", out _));
    }

    [Fact]
    public async Task AccountStream_ForAnAccountNeverSeen_SaysSo()
    {
        var events = await Read("api/events?account=never-funded", until: e => e.Any(x => x.Type == "problem"));

        var problem = events.First(e => e.Type == "problem").Data;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    private async Task<List<(string Type, JsonElement Data)>> Read(string path, Func<List<(string Type, JsonElement Data)>, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = await grid.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<(string Type, JsonElement Data)>();
        var type = "message";
        while (!until(events) && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((type, JsonDocument.Parse(line[6..]).RootElement));
                type = "message";
            }
        }

        return events;
    }
}
