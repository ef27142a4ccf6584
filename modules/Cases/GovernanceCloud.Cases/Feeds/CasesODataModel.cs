using GovernanceCloud.Cases.ReadModel;
using GovernanceCloud.Web.OData;
using Microsoft.OData.ModelBuilder;

namespace GovernanceCloud.Cases.Feeds;

/// <summary>Adds the <c>Cases</c> entity set.</summary>
internal sealed class CasesODataModel : IODataModelContribution
{
    public void Build(ODataConventionModelBuilder builder)
    {
        var cases = builder.EntitySet<CaseRow>("Cases").EntityType;
        cases.Name = "Case";
        cases.HasKey(c => c.Id);
    }
}
