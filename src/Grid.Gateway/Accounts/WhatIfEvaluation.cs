using Grid.Abstractions.Accounts;
using Grid.Gateway.PreTrade;
using Grid.Gateway.Validation;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Accounts;

/// <summary>
/// Accounts.WhatIf. Orders with bad terms are REJECT_REASON_INVALID_ORDER decisions made here (the
/// contract makes them decisions, not errors); since rejected orders do not rest, leaving them out
/// of the grain's cumulative evaluation changes nothing for the others. The grain's OrderIntent
/// carries reduce_only (the grain decides it like a check) but not the client order id (echoed here).
/// </summary>
internal sealed class WhatIfEvaluation(int maxOrders)
{
    public async Task<Wire.WhatIfResponse> Run(Wire.WhatIfRequest request, Func<string, IAccountGrain> accountOf)
    {
        var account = accountOf(request.AccountId);
        if (request.Orders.Count == 0 || request.Orders.Count > maxOrders)
        {
            throw InvalidFieldException.Invalid("orders", $"give 1 to {maxOrders} orders, got {request.Orders.Count}");
        }

        var decisions = new Wire.OrderDecision?[request.Orders.Count];
        var intents = new List<OrderIntent>(request.Orders.Count);
        var positions = new List<int>(request.Orders.Count);
        for (var i = 0; i < request.Orders.Count; i++)
        {
            var order = request.Orders[i];
            var fields = new FieldPaths($"orders[{i}]");
            if (order.ClientOrderId.Length > RequestFields.MaxIdLength)
            {
                throw InvalidFieldException.Invalid(fields.ClientOrderId, $"must be at most {RequestFields.MaxIdLength} characters");
            }

            try
            {
                intents.Add(new OrderIntent(
                    RequestFields.OrderInstrument(order.InstrumentId, fields.InstrumentId),
                    RequestFields.OrderSide(order.Side, fields.Side),
                    RequestFields.OrderAmount(order.Qty, fields.Qty),
                    RequestFields.OrderAmount(order.Price, fields.Price),
                    order.ReduceOnly));
                positions.Add(i);
            }
            catch (InvalidOrderException)
            {
                decisions[i] = GridReplies.Rejected(request.AccountId, order.ClientOrderId, Wire.RejectReason.InvalidOrder);
            }
        }

        BuyingPower after;
        if (intents.Count == 0)
        {
            after = await account.GetBuyingPower();
        }
        else
        {
            var result = await account.WhatIf([.. intents]);
            if (result.Decisions.Count != intents.Count)
            {
                throw new InvalidOperationException($"the account answered {result.Decisions.Count} decisions to {intents.Count} orders");
            }

            for (var k = 0; k < positions.Count; k++)
            {
                var i = positions[k];
                decisions[i] = GridReplies.Decision(request.AccountId, request.Orders[i].ClientOrderId, result.Decisions[k]);
            }

            after = result.After;
        }

        var response = new Wire.WhatIfResponse { BuyingPower = BuyingPowerMessages.ToWire(after) };
        response.Decisions.Add(decisions.Select(d => d!));
        return response;
    }
}
