namespace GovernanceCloud.Persistence.Configuration;

/// <summary>
/// Bad configuration found at start-up. The message names the setting, so the host can print it
/// alone and stop instead of failing later with a stack trace.
/// </summary>
public sealed class GovernanceConfigurationException : Exception
{
    public GovernanceConfigurationException()
    {
    }

    public GovernanceConfigurationException(string message)
        : base(message)
    {
    }

    public GovernanceConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
