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
        grains.ForTenant(district.District).GetGrain<IComplaintGrain>(ComplaintId(district, channel, externalId));

    /// <summary>How many intake journals a district has: enough for a batch's sets to run side by side on every core of a small cluster.</summary>
    public const int JournalPartitions = 8;

    /// <summary>The district's intake journal of this partition (<see cref="JournalPartition"/>).</summary>
    public static IIntakeJournalGrain GetIntakeJournal(this IGrainFactory grains, TenantId district, int partition) =>
        grains.ForTenant(district.District).GetGrain<IIntakeJournalGrain>($"journal-{partition}");

    /// <summary>
    /// The journal partition of a complaint: its petitioner's, so their complaints are taken in order,
    /// or, when anonymous, its own id's. Stable across processes (FNV-1a; <see cref="string.GetHashCode()"/> differs per process).
    /// </summary>
    public static int JournalPartition(ComplaintRecord complaint)
    {
        var hash = 2166136261u;
        foreach (var c in complaint.PetitionerKey ?? complaint.Id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % JournalPartitions);
    }

    /// <summary>The complaint with this id (what <see cref="ComplaintId"/> gave) in <paramref name="district"/>.</summary>
    public static IComplaintGrain GetComplaintById(this IGrainFactory grains, TenantId district, string complaintId) =>
        grains.ForTenant(district.District).GetGrain<IComplaintGrain>(complaintId);

    /// <summary>
    /// The complaint id: stable for a district's <c>(channel, externalId)</c>, whatever characters the
    /// external id holds. The district is in it because channel codes are the district's own (every
    /// district has its 12345), and the read model keys complaints and their cases by id alone.
    /// </summary>
    public static string ComplaintId(TenantId district, string channel, string externalId) =>
        "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{district.District.Value}\u001F{channel}\u001F{externalId}")))[..24];
}
