using System.Linq.Expressions;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Correlation.Feeds;

/// <summary>The <c>/odata/PromptSheets</c> feed, scoped to the token's tenant by the read model's filter.</summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Authorize(Policy = GovernancePolicies.Feeds)]
public sealed class PromptSheetsController(ReadModelDbContext readModel) : FeedController<PromptSheetRow>
{
    protected override IQueryable<PromptSheetRow> Rows => readModel.Set<PromptSheetRow>().AsNoTracking();

    protected override Expression<Func<PromptSheetRow, string>> KeyOf => r => r.Id;
}
