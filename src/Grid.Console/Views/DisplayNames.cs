using System.Text;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Console.Views;

/// <summary>Stable lower_snake_case codes and short labels for the enums the console shows.</summary>
internal static class DisplayNames
{
    public static string State(AccountState state) => state switch
    {
        AccountState.Ok => "ok",
        AccountState.ReduceOnly => "reduce_only",
        AccountState.Liquidate => "liquidate",
        AccountState.Bankrupt => "bankrupt",
        _ => "unknown",
    };

    public static string Decision(Decision decision) => decision switch
    {
        Risk.Decisions.Decision.Accept => "accept",
        Risk.Decisions.Decision.AcceptRiskReducing => "accept_risk_reducing",
        Risk.Decisions.Decision.Reject => "reject",
        _ => "unknown",
    };

    public static string Reason(RejectReason reason) => reason == RejectReason.None ? "none" : Code(reason.ToString());

    public static string Side(Side side) => side == Risk.Accounts.Side.Buy ? "buy" : "sell";

    /// <summary>"InsufficientMargin" or "insufficient_margin" → "insufficient_margin".</summary>
    public static string Code(string name)
    {
        var code = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_')
            {
                code.Append('_');
            }

            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }

    /// <summary>"insufficient_margin" → "Insufficient margin".</summary>
    public static string Label(string code)
    {
        var words = Code(code).Replace('_', ' ');
        return words.Length == 0 ? "" : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
