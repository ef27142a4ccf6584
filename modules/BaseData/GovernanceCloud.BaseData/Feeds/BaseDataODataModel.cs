using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Web.OData;
using Microsoft.OData.ModelBuilder;

namespace GovernanceCloud.BaseData.Feeds;

/// <summary>Adds the <c>Grids</c> and <c>Communities</c> entity sets.</summary>
internal sealed class BaseDataODataModel : IODataModelContribution
{
    public void Build(ODataConventionModelBuilder builder)
    {
        var grids = builder.EntitySet<GridRow>("Grids").EntityType;
        grids.Name = "Grid";
        grids.HasKey(g => g.Id);
        var communities = builder.EntitySet<CommunityRow>("Communities").EntityType;
        communities.Name = "Community";
        communities.HasKey(c => c.Id);
    }
}
