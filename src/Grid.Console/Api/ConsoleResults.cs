using Grid.Console.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Grid.Console.Api;

/// <summary>
/// Runs an API call and answers JSON, or a problem whose status says what went wrong: the grains throw
/// ArgumentException for bad input (400), KeyNotFoundException for something not listed (404) and
/// InvalidOperationException when the account or market cannot serve the call now (409); anything
/// else (silo gone, timeout, storage) is 503, safe to retry.
/// </summary>
internal static class ConsoleResults
{
    public static async Task<IResult> Json<T>(Func<Task<T>> call, ILogger logger, string name)
    {
        try
        {
            return Results.Json(await call(), ConsoleJson.Options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var problem = Problem(e);
            if (problem.Status >= StatusCodes.Status500InternalServerError)
            {
                ConsoleLog.CallFailed(logger, name, problem.Status, e);
            }

            return Results.Problem(detail: problem.Detail, statusCode: problem.Status);
        }
    }

    public static ProblemView Problem(Exception e) => e switch
    {
        ArgumentException a => new(StatusCodes.Status400BadRequest, Strip(a)),
        KeyNotFoundException => new(StatusCodes.Status404NotFound, e.Message),
        InvalidOperationException => new(StatusCodes.Status409Conflict, e.Message),
        _ => new(StatusCodes.Status503ServiceUnavailable, $"the grid could not answer ({e.GetType().Name}); retry"),
    };

    // ArgumentException appends " (Parameter 'x')"; the message already names the field.
    private static string Strip(ArgumentException e)
        => e.ParamName is { } name && e.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? e.Message[..^($" (Parameter '{name}')".Length)]
            : e.Message;
}
