using GovernanceCloud.Persistence.Configuration;
using Microsoft.Extensions.Configuration;

namespace GovernanceCloud.Correlation.Sheets;

/// <summary>
/// How often an open prompt sheet's deadline is looked at (<c>Correlation:SheetCheckInterval</c>,
/// default five minutes); the reminder also fires at the due time itself.
/// </summary>
internal sealed class PromptSheetPolicy
{
    public PromptSheetPolicy(IConfiguration configuration)
    {
        CheckInterval = configuration.GetValue("Correlation:SheetCheckInterval", TimeSpan.FromMinutes(5));
        if (CheckInterval <= TimeSpan.Zero)
        {
            throw new GovernanceConfigurationException($"Correlation:SheetCheckInterval = '{CheckInterval}' must be positive.");
        }
    }

    public TimeSpan CheckInterval { get; }
}
