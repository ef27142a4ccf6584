namespace GovernanceCloud.Testing;

/// <summary>Waits for a condition that another process or timer makes true, with a firm limit.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan limit, string what)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        T last;
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {limit}; last value: {last}");
            }

            await Task.Delay(100);
        }
    }
}
