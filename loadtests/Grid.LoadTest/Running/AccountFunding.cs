using System.Diagnostics;
using System.Globalization;
using Grid.Api.V1;
using Grid.LoadTest.Transport;
using Grid.LoadTest.Workload;
using Grpc.Core;

namespace Grid.LoadTest.Running;

/// <summary>
/// Funds every load account with Accounts.Deposit before the phases. The request id depends only on
/// the amount, so funding again (another run against the same grid) credits nothing twice.
/// </summary>
public static class AccountFunding
{
    private const int Parallelism = 16;

    /// <summary>Deposits <paramref name="amount"/> USD into each account with an admin key; throws when the grid refuses.</summary>
    public static async Task Fund(Uri target, string apiKey, IReadOnlyList<string> accounts, decimal amount, TextWriter output)
    {
        using var channel = EngineChannels.Create(target);
        var client = new Accounts.AccountsClient(channel);
        var headers = new Metadata { { "x-api-key", apiKey } };
        var requestId = string.Create(CultureInfo.InvariantCulture, $"loadtest-fund-usd-{amount}");
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (account, token) =>
        {
            var request = new DepositRequest { AccountId = account, Asset = "USD", Amount = WireDecimals.From(amount), RequestId = requestId };
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await client.DepositAsync(request, headers, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: token);
                    return;
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded && attempt < 5)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), token);
                }
            }
        });
        output.WriteLine($"funded {accounts.Count:N0} accounts through {target} with {amount:N0} USD each in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0}s");
    }
}
