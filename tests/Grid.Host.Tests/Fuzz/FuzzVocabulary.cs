using Grid.Api.V1;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// The names the fuzzer draws plausible values from: its accounts, the host's listed instruments and
/// assets, and the rulebook as loaded. The ETH group is left out on purpose: it is the control market
/// on which the known-good flow runs after the fuzz.
/// </summary>
internal sealed record FuzzVocabulary(
    string[] Accounts,
    string[] Instruments,
    string[] Assets,
    string[] Groups,
    string RulebookJson,
    DateTimeOffset Now)
{
    /// <summary>The fuzz accounts, funded before the fuzz so valid-ish orders reach the margin code.</summary>
    public static readonly string[] FuzzAccounts = [.. Enumerable.Range(0, 10).Select(i => $"fz-{i}")];

    /// <summary>Accounts the scoped keys may act on (trader-*, venue-b-*).</summary>
    public static readonly string[] ScopedAccounts = ["trader-0", "venue-b-0"];

    /// <summary>The account the duplex probes trade on (never fuzzed).</summary>
    public const string ProbeAccount = "fz-probe";

    /// <summary>The probe account of the venue-b engine key, whose scope is venue-b-*.</summary>
    public const string VenueProbeAccount = "venue-b-probe";

    /// <summary>The control market: never named by the fuzz.</summary>
    public const string ControlGroup = "ETH";

    /// <summary>Instruments of the fuzz's own, which Admin.UpsertInstrument may create.</summary>
    public static readonly string[] FuzzInstruments = ["FZ-PERP-0", "FZ-PERP-1", "FZ-OPT-0"];

    /// <summary>Reads the host's market and builds the vocabulary.</summary>
    public static async Task<FuzzVocabulary> Read(Admin.AdminClient admin, IEnumerable<string> demoAccounts)
    {
        var instruments = new List<InstrumentInfo>();
        var token = "";
        do
        {
            var page = await admin.ListInstrumentsAsync(new ListInstrumentsRequest { PageSize = 1000, PageToken = token });
            instruments.AddRange(page.Instruments);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var rulebook = await admin.GetRulebookAsync(new GetRulebookRequest());
        var outsideControl = instruments.Where(i => i.Spec.Group != ControlGroup && i.Spec.Underlying != ControlGroup).Select(i => i.Spec.Id);
        return new FuzzVocabulary(
            [.. FuzzAccounts, .. ScopedAccounts, .. demoAccounts],
            [.. outsideControl, .. FuzzInstruments, "NOPE-PERP"],
            [.. rulebook.Info.Assets.Where(a => a != ControlGroup), "NOPE"],
            [.. rulebook.Info.Groups.Where(g => g != ControlGroup), "NOPE"],
            rulebook.Json,
            DateTimeOffset.UtcNow);
    }
}
