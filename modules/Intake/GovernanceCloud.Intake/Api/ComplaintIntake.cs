using System.Security.Claims;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using Microsoft.AspNetCore.Http;

namespace GovernanceCloud.Intake.Api;

/// <summary>The intake path (<see cref="IComplaintIntake"/>): normalize, then submit to the complaint's grain.</summary>
internal sealed class ComplaintIntake(ComplaintNormalizer normalizer, IGrainFactory grains) : IComplaintIntake
{
    public async Task<IntakeAnswer> SubmitAsync(ComplaintRequest request, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var (record, errors) = await normalizer.NormalizeAsync(request, caller, cancellationToken);
        if (record is null)
        {
            return new IntakeAnswer(StatusCodes.Status400BadRequest, null, errors.ToDictionary());
        }

        SubmitResult result;
        // The complaint grain belongs to the district: the caller's right to submit for this town was checked above.
        using (TenantRequestContext.EnterSystem())
        {
            result = await grains.GetComplaint(TenantId.Parse(record.DistrictId), record.Channel, record.ExternalId).Submit(record);
        }

        if (result.Outcome == SubmitOutcome.Conflict || (result.TownId is { } town && !caller.MayActOn(TenantId.Parse(town))))
        {
            // Another town's complaint under the same key: a conflict, without saying whose.
            return new IntakeAnswer(StatusCodes.Status409Conflict, null, null);
        }

        var accepted = new ComplaintAccepted(result.ComplaintId, result.CaseId, result.TownId, result.TownId is null ? "Triage" : "Accepted");
        return new IntakeAnswer(result.Outcome == SubmitOutcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, accepted, null);
    }
}
