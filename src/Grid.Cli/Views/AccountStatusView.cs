using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Views;

/// <summary>An account's control status after an operator call (<see cref="AccountStatus"/>).</summary>
internal static class AccountStatusView
{
    /// <summary>Writes the status as labelled values.</summary>
    public static void Write(AccountStatus status, TextWriter writer) =>
        Table.Pairs()
            .Add("account", status.AccountId)
            .Add("state", EnumText.Format(status.State))
            .Add("regime", EnumText.Format(status.Regime))
            .Add("frozen", status.Frozen ? $"yes: {status.FrozenReason}" : "no")
            .Add("updated at", TimeText.Instant(status.UpdatedAt))
            .WriteTo(writer);
}
