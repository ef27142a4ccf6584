using GovernanceCloud.Tenancy.ReadModel;
using GovernanceCloud.Web.OData;
using Microsoft.OData.ModelBuilder;

namespace GovernanceCloud.Tenancy.Feeds;

/// <summary>Adds the <c>Towns</c> entity set.</summary>
internal sealed class TenancyODataModel : IODataModelContribution
{
    public void Build(ODataConventionModelBuilder builder)
    {
        var towns = builder.EntitySet<TownRow>("Towns").EntityType;
        towns.Name = "Town";
        towns.HasKey(t => t.Id);
    }
}
