using GovernanceCloud.Correlation.Contracts;

namespace GovernanceCloud.Correlation.Sheets;

/// <summary>The suggested action a prompt sheet carries, by scenario and level.</summary>
internal static class SuggestedActions
{
    public static string For(Scenario scenario, WarningLevel level)
    {
        var action = scenario switch
        {
            Scenario.RepeatPetitioner => "请主动联系该诉求人，当面核实其反映的全部问题，逐项答复并一次性化解，防止重复投诉。",
            Scenario.SharedMatter => "请组织相关部门和社区召开协调会，向反映该事项的群众统一说明处置方案和时间表，集中化解。",
            Scenario.LocationHotspot => "请排查该区域近期集中反映的问题，安排网格员走访核实，找出共性原因并整改。",
            Scenario.CategorySurge => "请牵头职能部门分析该类诉求激增的原因，制定专项处置措施，并在规定时间内反馈。",
            Scenario.ChannelEscalation => "该事项已多渠道反复反映或升级至上级渠道，请由负责同志包案，查明前期办理不到位的原因并重新办理。",
            Scenario.SensitiveRisk => "请立即核实情况，落实稳控和疏导措施，必要时联系公安、卫健等部门，确保人身安全和社会稳定。",
            _ => "请核实并处置。",
        };
        return level == WarningLevel.Red ? $"【红色预警，须立即处置】{action}" : action;
    }
}
