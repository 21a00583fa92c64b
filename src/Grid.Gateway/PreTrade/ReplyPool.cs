using Wire = Grid.Api.V1;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// The decision and ack messages of one PreTrade stream, reused once written. gRPC has serialized a message
/// when its write completes, so the stream's writer hands a pooled message back then; a decision's message
/// keeps its OrderDecision and the figures' Decimals, an ack's its Ack, so a reused reply allocates nothing.
/// Only for a stream whose audit trail copies what it records (<see cref="Audit.IAuditTrail.CopiesOnRecord"/>):
/// nothing else refers to a reply once it is written. Rented by the lanes, returned by the writer: thread-safe.
/// </summary>
internal sealed class ReplyPool(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Stack<Wire.GridMessage> _decisions = new();
    private readonly Stack<Wire.GridMessage> _acks = new();

    /// <summary>A decision message (its <see cref="Wire.GridMessage.Decision"/> set, fields to be overwritten).</summary>
    public Wire.GridMessage Decision()
    {
        lock (_gate)
        {
            if (_decisions.TryPop(out var reused))
            {
                return reused;
            }
        }

        return new Wire.GridMessage { Decision = new Wire.OrderDecision() };
    }

    /// <summary>An ack message (its <see cref="Wire.GridMessage.Ack"/> set, fields to be overwritten).</summary>
    public Wire.GridMessage Ack()
    {
        lock (_gate)
        {
            if (_acks.TryPop(out var reused))
            {
                return reused;
            }
        }

        return new Wire.GridMessage { Ack = new Wire.Ack() };
    }

    /// <summary>Takes back a message rented here once it is written; beyond the capacity it is left to the GC.</summary>
    public void Return(Wire.GridMessage message)
    {
        // The order ids are the request's short-lived strings: a pooled (old) message must not keep them alive.
        var stack = message.BodyCase switch
        {
            Wire.GridMessage.BodyOneofCase.Decision => _decisions,
            Wire.GridMessage.BodyOneofCase.Ack => _acks,
            _ => null,
        };
        if (stack is null)
        {
            return;
        }

        if (stack == _decisions)
        {
            message.Decision.ClientOrderId = "";
        }
        else
        {
            message.Ack.ClientOrderId = "";
            message.Ack.TradeId = "";
            message.Ack.FundingId = "";
        }

        lock (_gate)
        {
            if (stack.Count < capacity)
            {
                stack.Push(message);
            }
        }
    }
}
