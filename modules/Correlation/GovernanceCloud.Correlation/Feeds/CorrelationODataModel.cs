using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Web.OData;
using Microsoft.OData.ModelBuilder;

namespace GovernanceCloud.Correlation.Feeds;

/// <summary>Adds the <c>Matters</c>, <c>Warnings</c> and <c>PromptSheets</c> entity sets.</summary>
internal sealed class CorrelationODataModel : IODataModelContribution
{
    public void Build(ODataConventionModelBuilder builder)
    {
        var matters = builder.EntitySet<MatterRow>("Matters").EntityType;
        matters.Name = "Matter";
        matters.HasKey(m => m.Id);
        var warnings = builder.EntitySet<WarningRow>("Warnings").EntityType;
        warnings.Name = "Warning";
        warnings.HasKey(w => w.Id);
        var sheets = builder.EntitySet<PromptSheetRow>("PromptSheets").EntityType;
        sheets.Name = "PromptSheet";
        sheets.HasKey(p => p.Id);
    }
}
