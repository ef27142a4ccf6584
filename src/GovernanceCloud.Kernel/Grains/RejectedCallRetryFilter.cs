using Orleans.Runtime;

namespace GovernanceCloud.Kernel.Grains;

/// <summary>
/// Asks again when Orleans rejects a call to an <see cref="ILeavesWhenDone"/> grain without running
/// it. Such a grain may have further calls queued when it deactivates; Orleans forwards those
/// while the activation is going away, can reach the same dying activation twice, and then
/// rejects them. A rejected call never reached the grain's code, so asking again is safe; a few
/// short waits give the directory time to forget the old activation. Calls to other grains, and
/// any other failure, pass through untouched.
/// </summary>
public sealed class RejectedCallRetryFilter : IOutgoingGrainCallFilter
{
    private const int Attempts = 5;
    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(10);

    public Task Invoke(IOutgoingGrainCallContext context) =>
        context.Grain is ILeavesWhenDone ? InvokeRetryingAsync(context) : context.Invoke();

    private static async Task InvokeRetryingAsync(IOutgoingGrainCallContext context)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await context.Invoke();
                return;
            }
            catch (OrleansMessageRejectionException) when (attempt < Attempts)
            {
                await Task.Delay(FirstWait * (1 << (attempt - 1)));
            }
        }
    }
}
