using Grid.Api.V1;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Chaos;

/// <summary>
/// The engines' ledger of acknowledged changes: every order the grid accepted, every fill and full
/// cancel it acknowledged, recorded from the final reply to each message (whatever resends it took).
/// Reconciled with the accounts at the end of a chaos run. The readers of all streams write to it.
/// </summary>
public sealed class ChangeLedger
{
    private readonly Dictionary<string, AccountLedger> _accounts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Acknowledged changes: acceptances, fills (first ack of a trade id) and full cancels.</summary>
    public long Acknowledged { get; private set; }

    /// <summary>Records the final reply to <paramref name="message"/>; replies that change nothing (rejects, errors) leave no entry.</summary>
    public void Record(EngineMessage message, GridMessage reply)
    {
        lock (_gate)
        {
            switch (message.BodyCase)
            {
                case EngineMessage.BodyOneofCase.Check when reply.BodyCase == GridMessage.BodyOneofCase.Decision
                    && reply.Decision.Decision is Decision.Accept or Decision.AcceptRiskReducing:
                    var check = message.Check;
                    if (Of(check.AccountId).Orders.TryAdd(check.ClientOrderId, new LedgerOrder(check.ClientOrderId, check.InstrumentId, check.Side, WireDecimals.ToDecimal(check.Qty))))
                    {
                        Acknowledged++;
                    }

                    break;
                case EngineMessage.BodyOneofCase.Filled when reply.BodyCase == GridMessage.BodyOneofCase.Ack:
                    var fill = message.Filled;
                    var qty = WireDecimals.ToDecimal(fill.Qty);
                    var account = Of(fill.AccountId);
                    if (account.Fills.TryAdd(fill.TradeId, new LedgerFill(fill.TradeId, fill.InstrumentId, fill.Side == Side.Buy ? qty : -qty, WireDecimals.ToDecimal(fill.Price))))
                    {
                        Acknowledged++;
                        if (account.Orders.TryGetValue(fill.ClientOrderId, out var filled))
                        {
                            filled.Filled += qty;
                        }
                    }

                    break;
                case EngineMessage.BodyOneofCase.Canceled when reply.BodyCase == GridMessage.BodyOneofCase.Ack && WireDecimals.ToDecimal(message.Canceled.Qty) == 0m:
                    if (Of(message.Canceled.AccountId).Orders.TryGetValue(message.Canceled.ClientOrderId, out var cancelled) && !cancelled.Cancelled)
                    {
                        cancelled.Cancelled = true;
                        Acknowledged++;
                    }

                    break;
            }
        }
    }

    /// <summary>Notes a message for <paramref name="account"/> that never got a final reply.</summary>
    public void Unresolved(string account)
    {
        lock (_gate)
        {
            Of(account).Unresolved++;
        }
    }

    /// <summary>The ledger of <paramref name="account"/> (empty if nothing was acknowledged for it).</summary>
    public AccountLedger For(string account)
    {
        lock (_gate)
        {
            return Of(account);
        }
    }

    private AccountLedger Of(string account)
    {
        if (!_accounts.TryGetValue(account, out var ledger))
        {
            ledger = new AccountLedger();
            _accounts[account] = ledger;
        }

        return ledger;
    }
}
