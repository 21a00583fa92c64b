using System.Globalization;
using Grid.LoadTest.Chaos;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Options;

/// <summary>Reads <see cref="LoadOptions"/> from <c>--name value</c> pairs and <c>--flag</c> switches.</summary>
public static class ArgumentParser
{
    private static readonly Dictionary<string, Action<LoadOptions, string>> Valued = new(StringComparer.Ordinal)
    {
        ["--target"] = (o, v) => o.Targets = [.. List(v).Select(Url)],
        ["--engine-key"] = (o, v) => o.EngineKey = v,
        ["--admin-key"] = (o, v) => o.AdminKey = v,
        ["--streams"] = (o, v) => o.Streams = Positive(v),
        ["--accounts"] = (o, v) => o.Accounts = Positive(v),
        ["--account-prefix"] = (o, v) => o.AccountPrefix = v,
        ["--funding"] = (o, v) => o.Funding = decimal.Parse(v, CultureInfo.InvariantCulture),
        ["--instruments"] = (o, v) => o.Instruments = [.. List(v).Select(Instrument)],
        ["--mix"] = (o, v) => o.Mix = OrderMix.Parse(v),
        ["--max-resting"] = (o, v) => o.MaxRestingPerAccount = Positive(v),
        ["--rate"] = (o, v) => o.Rate = PositiveNumber(v),
        ["--concurrency"] = (o, v) => (o.Rate, o.Concurrency) = (null, Positive(v)),
        ["--duration"] = (o, v) => o.Duration = Seconds(v),
        ["--warmup"] = (o, v) => o.Warmup = Seconds(v),
        ["--drain"] = (o, v) => o.DrainTimeout = Seconds(v),
        ["--core"] = (o, v) => o.CoreDuration = Seconds(v),
        ["--out"] = (o, v) => o.OutputDirectory = v,
        ["--label"] = (o, v) => o.Label = v,
        ["--seed"] = (o, v) => o.Seed = int.Parse(v, CultureInfo.InvariantCulture),
        ["--server-pid"] = (o, v) => o.ServerPids = [.. List(v).Select(p => Positive(p))],
        ["--start-host"] = (o, v) => o.StartHost = v,
        ["--host-arg"] = (o, v) => o.HostArguments = [.. o.HostArguments, v],
        ["--prices"] = (o, v) => o.Prices = PositiveNumber(v),
        ["--marketdata-key"] = (o, v) => o.MarketDataKey = v,
        ["--profile"] = (o, v) => o.Profile = Profile(v),
        ["--market-makers"] = (o, v) => o.MarketMakers = Positive(v),
        ["--quote-share"] = (o, v) => o.QuoteShare = Share(v),
        ["--server-metrics"] = (o, v) => o.ServerMetrics = Url(v),
        ["--chaos"] = (o, v) => o.Chaos = ChaosPlan.Parse(v),
        ["--silos"] = (o, v) => o.Silos = Positive(v),
        ["--redis-server"] = (o, v) => o.RedisServer = v,
        ["--stall-timeout"] = (o, v) => o.StallTimeout = Seconds(v) is { TotalMilliseconds: > 0 } t ? t : throw new FormatException("must be above 0"),
    };

    private static readonly Dictionary<string, Action<LoadOptions>> Switches = new(StringComparer.Ordinal)
    {
        ["--shared-channel"] = o => o.SharedChannel = true,
        ["--spin"] = o => o.SpinPacing = true,
        ["--no-grid"] = o => o.Grid = false,
        ["--no-echo"] = o => o.Echo = false,
        ["--no-progress"] = o => o.Progress = false,
        ["--fail-on-errors"] = o => o.FailOnErrors = true,
        ["--fund-via-first"] = o => o.FundViaStreamTarget = false,
    };

    /// <summary>True when the arguments ask for the help text.</summary>
    public static bool WantsHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    /// <summary>Parses the arguments over the defaults; throws <see cref="UsageException"/> on anything unknown or malformed.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (Switches.TryGetValue(name, out var flag))
            {
                flag(options);
                continue;
            }

            if (!Valued.TryGetValue(name, out var set))
            {
                throw new UsageException($"unknown option '{name}' (see --help)");
            }

            if (i + 1 >= args.Count)
            {
                throw new UsageException($"{name} needs a value");
            }

            var value = args[++i];
            try
            {
                set(options, value);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                throw new UsageException($"{name} {value}: {e.Message}");
            }
        }

        if (!options.Grid && !options.Echo && options.CoreDuration <= TimeSpan.Zero)
        {
            throw new UsageException("nothing to measure: --no-grid, --no-echo and --core 0 together");
        }

        if (options.Chaos is { } chaos)
        {
            if (options.StartHost is null)
            {
                throw new UsageException("--chaos needs --start-host (the generator starts the cluster it breaks)");
            }

            if (options.Silos < 2 && chaos.Kind != FaultKind.RestartRedis)
            {
                throw new UsageException($"--chaos {chaos.Name} needs --silos 2 or more (a survivor to reconnect to)");
            }

            if (chaos.At >= options.Duration)
            {
                throw new UsageException($"--chaos {chaos}: the fault must fall inside the {options.Duration.TotalSeconds:0.#}s measured phase (--duration)");
            }
        }

        return options;
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Uri Url(string value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"'{value}' is not an http(s) URL");

    private static AccountProfile Profile(string value) => value switch
    {
        "default" => AccountProfile.Default,
        "market-maker" => AccountProfile.MarketMaker,
        _ => throw new FormatException($"'{value}' is not a profile: default or market-maker"),
    };

    private static double Share(string value)
    {
        var n = double.Parse(value, CultureInfo.InvariantCulture);
        return n is >= 0 and <= 1 ? n : throw new FormatException($"{value} is not a share between 0 and 1");
    }

    private static TradedInstrument Instrument(string value)
    {
        var parts = value.Split('=');
        return parts.Length == 2 && parts[0].Length > 0
            ? TradedInstrument.Near(parts[0], decimal.Parse(parts[1], CultureInfo.InvariantCulture))
            : throw new FormatException($"'{value}' is not ID=PRICE");
    }

    private static int Positive(string value)
    {
        var n = int.Parse(value, CultureInfo.InvariantCulture);
        return n > 0 ? n : throw new FormatException($"{n} is not positive");
    }

    private static double PositiveNumber(string value)
    {
        var n = double.Parse(value, CultureInfo.InvariantCulture);
        return n > 0 && double.IsFinite(n) ? n : throw new FormatException($"{value} is not a positive number");
    }

    private static TimeSpan Seconds(string value)
    {
        var n = double.Parse(value.EndsWith('s') ? value[..^1] : value, CultureInfo.InvariantCulture);
        return n >= 0 && double.IsFinite(n) ? TimeSpan.FromSeconds(n) : throw new FormatException($"{value} is not a number of seconds");
    }
}
