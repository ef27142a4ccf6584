using System.Security.Claims;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using Microsoft.AspNetCore.Http;

namespace GovernanceCloud.Intake.Api;

/// <summary>
/// The intake path (<see cref="IComplaintIntake"/>): normalize each complaint, then hand the valid
/// ones to the district's intake journals, each journal its share in one call.
/// </summary>
internal sealed class ComplaintIntake(ComplaintNormalizer normalizer, IGrainFactory grains) : IComplaintIntake
{
    public async Task<IntakeAnswer> SubmitAsync(ComplaintRequest request, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        (await SubmitManyAsync([request], caller, cancellationToken))[0];

    public async Task<IntakeAnswer[]> SubmitManyAsync(IReadOnlyList<ComplaintRequest> requests, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var answers = new IntakeAnswer[requests.Count];
        var normalized = await Task.WhenAll(requests.Select(r => normalizer.NormalizeAsync(r, caller, cancellationToken)));
        var valid = new List<(int Index, ComplaintRecord Record)>(requests.Count);
        for (var i = 0; i < normalized.Length; i++)
        {
            if (normalized[i] is ({ } record, _))
            {
                valid.Add((i, record));
            }
            else
            {
                answers[i] = new IntakeAnswer(StatusCodes.Status400BadRequest, null, normalized[i].Errors.ToDictionary());
            }
        }

        if (valid.Count == 0)
        {
            return answers;
        }

        // The journals belong to the district: the caller's right to submit for this town was checked above.
        var district = TenantId.Parse(valid[0].Record.DistrictId);
        using (TenantRequestContext.EnterSystem())
        {
            // Every delivery of one key goes with the first, so the batch's order decides which is the
            // complaint and which the duplicate or conflict, even when they name different petitioners.
            var partitions = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (_, record) in valid)
            {
                partitions.TryAdd(record.Id, IntakeGrains.JournalPartition(record));
            }

            await Task.WhenAll(valid.GroupBy(v => partitions[v.Record.Id]).Select(async share =>
            {
                var items = share.ToArray();
                var results = await grains.GetIntakeJournal(district, share.Key).Admit([.. items.Select(v => v.Record)]);
                for (var k = 0; k < items.Length; k++)
                {
                    answers[items[k].Index] = Answer(results[k], caller);
                }
            }));
        }

        return answers;
    }

    private static IntakeAnswer Answer(SubmitResult result, ClaimsPrincipal caller)
    {
        if (result.Outcome == SubmitOutcome.Conflict || (result.TownId is { } town && !caller.MayActOn(TenantId.Parse(town))))
        {
            // Another town's complaint under the same key: a conflict, without saying whose.
            return new IntakeAnswer(StatusCodes.Status409Conflict, null, null);
        }

        var accepted = new ComplaintAccepted(result.ComplaintId, result.CaseId, result.TownId, result.TownId is null ? "Triage" : "Accepted");
        return new IntakeAnswer(result.Outcome == SubmitOutcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, accepted, null);
    }
}
