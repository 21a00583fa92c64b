using Grid.Api.V1;
using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// The accounts' invariants after the fuzz: every account the registry lists, and every account the
/// fuzz named on purpose, is checked with Admin.VerifyAccount (the live, incrementally maintained book
/// against a full recompute from the stored record, plus the record's own invariants).
/// </summary>
internal static class AccountInvariants
{
    /// <summary>One line per inconsistent (or unverifiable) account; empty when all hold.</summary>
    public static async Task<List<string>> Check(Admin.AdminClient admin, IEnumerable<string> named, ITestOutputHelper output, string when)
    {
        var ids = new SortedSet<string>(named, StringComparer.Ordinal);
        var problems = new List<string>();
        try
        {
            var token = "";
            do
            {
                var page = await admin.ListAccountsAsync(new ListAccountsRequest { PageSize = 1_000, PageToken = token }, deadline: DateTime.UtcNow.AddSeconds(30));
                ids.UnionWith(page.Accounts.Select(a => a.AccountId));
                token = page.NextPageToken;
            }
            while (token.Length > 0);
        }
        catch (RpcException e)
        {
            problems.Add($"Admin.ListAccounts ({when}) failed with {e.StatusCode}: {e.Status.Detail}; only the {ids.Count} accounts the fuzz named or saw answered are verified");
        }

        int verified = 0, missing = 0, unpriced = 0, inconsistent = 0, failed = 0;
        foreach (var id in ids)
        {
            try
            {
                var v = await admin.VerifyAccountAsync(new VerifyAccountRequest { AccountId = id }, deadline: DateTime.UtcNow.AddSeconds(30));
                verified++;
                unpriced += v.Priced ? 0 : 1;
                if (!v.Consistent)
                {
                    inconsistent++;
                    problems.Add($"{Show(id)} ({when}): {string.Join("; ", v.Problems)} [IM {Num(v.InitialMargin)} vs recomputed {Num(v.InitialMarginRecomputed)}, AE {Num(v.Equity)} vs recomputed {Num(v.EquityRecomputed)}, version {v.Version}]");
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                missing++;
            }
            catch (RpcException e)
            {
                failed++;
                problems.Add($"{Show(id)} ({when}): VerifyAccount failed with {e.StatusCode}: {e.Status.Detail}");
            }
        }

        output.WriteLine($"Invariants {when}: {verified} accounts verified ({unpriced} only partly, for want of a price), {inconsistent} inconsistent; {failed} could not be verified; {missing} never created");
        return problems;
    }

    private static string Show(string id) => id.Length > 40 ? $"{id[..40]}… ({id.Length} chars)" : id;

    private static string Num(Grid.Api.V1.Decimal? d) => d is null ? "unset" : Infrastructure.Wire.Num(d).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
