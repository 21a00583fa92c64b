using Grid.Risk.Market;

namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>Re-indexes balances, holdings and orders by name against a new model (rulebook or instrument set changed).</summary>
    private void Remap(RiskModel model)
    {
        var old = Model;
        var balances = new double[model.Assets.Length];
        for (var a = 0; a < Balances.Length; a++)
        {
            if (Balances[a] == 0)
            {
                continue;
            }

            var code = old.Assets[a].Rule.Name;
            balances[model.TryGetAsset(code, out var na) ? na : throw new RiskInputException($"balances.{code}", $"asset is not in rulebook {model.Rulebook.Version}")] = Balances[a];
        }

        for (var k = 0; k < HoldingCount; k++)
        {
            Holdings[k].Instrument = NewIndex(old, model, Holdings[k].Instrument);
        }

        for (var k = 0; k < OrderCount; k++)
        {
            Orders[k].Instrument = NewIndex(old, model, Orders[k].Instrument);
        }

        Balances = balances;
        SpotFill = new double[model.Assets.Length];
        Groups = new GroupBook?[model.Groups.Length];
        _pool = null;
        Model = model;
    }

    private static int NewIndex(RiskModel old, RiskModel model, int instrument)
    {
        var id = old.Instruments[instrument].Spec.Id;
        return model.TryGetInstrument(id, out var i) ? i : throw new RiskInputException($"instrument {id}", "is held but missing from the new model");
    }
}
