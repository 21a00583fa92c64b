using Grid.Abstractions.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Ledger;

namespace Grid.Grains.Accounts;

internal sealed partial class AccountProcessor
{
    /// <summary>
    /// Funding from an engine or an operator (<see cref="FundingSettlement"/>). Idempotent on the funding id:
    /// the same id with the same terms is acknowledged as a duplicate and changes nothing, with other terms
    /// it is a conflict. Refused funding is not remembered (nothing was applied; fix it and resend).
    /// </summary>
    private EngineReply Funding(EngineCommand c)
    {
        var asked = new RequestOutcome(c.FundingId, true, RejectReason.None, 0)
        {
            Kind = RequestKind.Funding, Subject = c.InstrumentId, Amount = c.Accrue, Settle = c.Settle,
        };
        if (Remembered(ref _funding, asked, out var replayed, out var conflict) is not null)
        {
            return conflict
                ? EngineReply.Fail(c, ErrorCode.IdempotencyConflict, $"funding_id: {c.FundingId} was applied with other terms")
                : Acked(c, 0, known: false, replayed: replayed);
        }

        var frame = Frame;
        if (!frame.Instruments.TryGetValue(c.InstrumentId, out var info))
        {
            return EngineReply.Fail(c, ErrorCode.UnknownInstrument, $"instrument_id: {c.InstrumentId} is not listed");
        }

        var spec = frame.Model.TryGetInstrument(c.InstrumentId, out var index) ? frame.Model.Instruments[index].Spec : info.Spec.ToRisk();
        var refused = Booked(() => FundingSettlement.Apply(Record, Book(), frame.Model, spec, c.Accrue, c.Settle, ""));
        if (refused.Refused)
        {
            var code = refused.Field == "instrument_id" && !spec.Kind.IsCash() ? ErrorCode.FailedPrecondition : ErrorCode.InvalidField;
            return EngineReply.Fail(c, code, refused.ToString());
        }

        _funding.Add(asked);
        MarkChanged();
        return Acked(c, 0, known: false);
    }
}
