using System.Security.Cryptography;
using System.Text;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Intake.Contracts;

/// <summary>Typed access to the intake grains; the keys are built here and nowhere else.</summary>
public static class IntakeGrains
{
    private const string RegistryId = "channels";

    public static IChannelRegistryGrain GetChannelRegistry(this IGrainFactory grains, TenantId district) =>
        grains.ForTenant(district.District).GetGrain<IChannelRegistryGrain>(RegistryId);

    /// <summary>The complaint submitted to <paramref name="district"/> under <c>(channel, externalId)</c>.</summary>
    public static IComplaintGrain GetComplaint(this IGrainFactory grains, TenantId district, string channel, string externalId) =>
        grains.ForTenant(district.District).GetGrain<IComplaintGrain>(ComplaintId(channel, externalId));

    /// <summary>The complaint with this id (what <see cref="ComplaintId"/> gave) in <paramref name="district"/>.</summary>
    public static IComplaintGrain GetComplaintById(this IGrainFactory grains, TenantId district, string complaintId) =>
        grains.ForTenant(district.District).GetGrain<IComplaintGrain>(complaintId);

    /// <summary>The district-wide petitioner with this key (a keyed hash).</summary>
    public static IPetitionerGrain GetPetitioner(this IGrainFactory grains, TenantId district, string petitionerKey) =>
        grains.ForTenant(district.District).GetGrain<IPetitionerGrain>($"p{petitionerKey[..32]}");

    /// <summary>The complaint id: stable for a <c>(channel, externalId)</c>, whatever characters the external id holds.</summary>
    public static string ComplaintId(string channel, string externalId) =>
        "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{channel}\u001F{externalId}")))[..24];
}
