using Microsoft.OData.ModelBuilder;

namespace GovernanceCloud.Web.OData;

/// <summary>A module's entity sets in the one OData service at <c>/odata</c>.</summary>
public interface IODataModelContribution
{
    /// <summary>Adds the module's entity sets and types.</summary>
    void Build(ODataConventionModelBuilder builder);
}
