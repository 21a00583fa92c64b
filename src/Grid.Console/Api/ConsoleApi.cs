using System.Text.Json;
using Grid.Console.Live;
using Grid.Console.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Grid.Console.Api;

/// <summary>
/// The console's JSON API (read-only: what-if never reserves) and its live stream:
/// <list type="bullet">
/// <item><c>GET overview</c>: accounts by state, nearest liquidation first, recent risk events.</item>
/// <item><c>GET activity</c>: checks/s, rejects/s and reject reasons on this node.</item>
/// <item><c>GET market</c>: instruments with their price and its time, index prices.</item>
/// <item><c>GET accounts/{id}</c>: figures, groups with heatmaps, holdings, siloed vs cross.</item>
/// <item><c>POST accounts/{id}/what-if</c>: <c>{instrumentId, side, qty, price?}</c> → decision and figures after.</item>
/// <item><c>POST simulate</c>: <c>{document, order?}</c> → a portfolio margined without an account (the Simulator page).</item>
/// <item><c>GET house</c>: the latest house run (stress, Cover-2, credits by pair) and the last dry-run impact.</item>
/// <item><c>GET events[?account=id]</c>: Server-Sent Events (activity, risk, account, problem).</item>
/// </list>
/// </summary>
internal static class ConsoleApi
{
    /// <summary>Largest what-if body read.</summary>
    private const int MaxBodyBytes = 16 * 1024;

    /// <summary>Largest simulator body read (its document, a few thousand positions).</summary>
    private const int MaxSimulatorBytes = 2 * 1024 * 1024;

    public static void Map(RouteGroupBuilder api, ILogger logger)
    {
        api.MapGet("/overview", (OverviewSource overview, CancellationToken ct)
            => ConsoleResults.Json(() => overview.Get(ct), logger, "overview"));
        api.MapGet("/activity", (CheckActivity activity)
            => Results.Json(activity.Snapshot(), ConsoleJson.Options));
        api.MapGet("/market", (MarketSource market)
            => ConsoleResults.Json(market.Get, logger, "market"));
        api.MapGet("/accounts/{id}", (string id, AccountSource accounts)
            => ConsoleResults.Json(() => accounts.Get(id), logger, "account"));
        api.MapPost("/accounts/{id}/what-if", (string id, HttpRequest request, WhatIfPreview preview)
            => ConsoleResults.Json(async () => await preview.Run(id, await Read<WhatIfInput>(request, MaxBodyBytes, "{\"instrumentId\", \"side\", \"qty\", \"price\"}")), logger, "what-if"));
        api.MapPost("/simulate", (HttpRequest request, SimulatorCall simulator)
            => ConsoleResults.Json(async () => await simulator.Run(await Read<SimulatorInput>(request, MaxSimulatorBytes, "{\"document\", \"order\"}")), logger, "simulate"));
        api.MapGet("/house", (HouseSource house)
            => ConsoleResults.Json(house.Get, logger, "house"));
        api.MapGet("/events", (string? account, ConsoleEvents events, CancellationToken ct)
            => TypedResults.ServerSentEvents(events.Stream(account, ct)));
    }

    private static async Task<T?> Read<T>(HttpRequest request, int maxBytes, string shape)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new ArgumentException($"body: at most {maxBytes} bytes", nameof(request));
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, ConsoleJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            throw new ArgumentException($"body: give JSON {shape}", nameof(request));
        }
    }
}
