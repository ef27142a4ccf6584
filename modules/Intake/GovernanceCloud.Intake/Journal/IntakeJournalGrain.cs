using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using Orleans.Concurrency;

namespace GovernanceCloud.Intake.Journal;

/// <summary>
/// One of a district's intake journals. Calls that arrive while a set is being written wait and go
/// into the next set together, so single submissions are written set-wise too under load, and a
/// set's complaints share one history query, one correlation batch and one commit. Reentrant only
/// so that calls can queue while a set runs; the sets themselves run one after another, which keeps
/// a petitioner's complaints in order.
/// </summary>
[Reentrant]
[GrainType("intake-journal")]
internal sealed class IntakeJournalGrain(IntakeJournal journal) : Grain, IIntakeJournalGrain
{
    // About two batches of the API: bounds a set's statement sizes and its commit.
    private const int MaxSet = 1000;

    private readonly List<PendingCall> _queue = [];
    private bool _writing;

    private TenantId District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    public Task<SubmitResult[]> Admit(ComplaintRecord[] complaints)
    {
        var call = new PendingCall(complaints);
        _queue.Add(call);
        if (!_writing)
        {
            _writing = true;
            _ = WriteSetsAsync();
        }

        return call.Results.Task;
    }

    // Runs in the activation while anything is queued; each call gets its own answers, or its set's failure.
    private async Task WriteSetsAsync()
    {
        try
        {
            while (_queue.Count > 0)
            {
                var take = 1;
                var size = _queue[0].Complaints.Length;
                while (take < _queue.Count && size + _queue[take].Complaints.Length <= MaxSet)
                {
                    size += _queue[take++].Complaints.Length;
                }

                var calls = _queue.GetRange(0, take);
                _queue.RemoveRange(0, take);
                try
                {
                    var results = await journal.AdmitAsync(District, [.. calls.SelectMany(c => c.Complaints)]);
                    var at = 0;
                    foreach (var call in calls)
                    {
                        call.Results.TrySetResult(results[at..(at + call.Complaints.Length)]);
                        at += call.Complaints.Length;
                    }
                }
                catch (Exception ex)
                {
                    calls.ForEach(c => c.Results.TrySetException(ex));
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private sealed class PendingCall(ComplaintRecord[] complaints)
    {
        public ComplaintRecord[] Complaints { get; } = complaints;

        public TaskCompletionSource<SubmitResult[]> Results { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
