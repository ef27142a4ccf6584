using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Intake.ReadModel;

/// <summary>The tables the intake module owns.</summary>
internal sealed class IntakeReadModel : IReadModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ChannelRow>(channel =>
        {
            channel.TracksChanges();
            channel.ToTable("Channels");
            channel.HasKey(c => c.Id);
            channel.Property(c => c.Id).HasMaxLength(80);
            channel.Property(c => c.DistrictId).HasMaxLength(32);
            channel.Property(c => c.TownId).HasMaxLength(65);
            channel.Property(c => c.Code).HasMaxLength(40);
            channel.Property(c => c.Name).HasMaxLength(100);
            channel.Property(c => c.Kind).HasMaxLength(30);
            channel.Property(c => c.Level).HasMaxLength(20);
            channel.HasIndex(c => c.DistrictId);
        });
        modelBuilder.Entity<ComplaintRow>(complaint =>
        {
            complaint.TracksChanges();
            complaint.ToTable("Complaints");
            complaint.HasKey(c => c.Id);
            complaint.Property(c => c.Id).HasMaxLength(40);
            complaint.Property(c => c.DistrictId).HasMaxLength(32);
            complaint.Property(c => c.TownId).HasMaxLength(65);
            complaint.Property(c => c.Channel).HasMaxLength(40);
            complaint.Property(c => c.ExternalId).HasMaxLength(100);
            complaint.Property(c => c.Title).HasMaxLength(200);
            complaint.Property(c => c.CategoryCode).HasMaxLength(20);
            complaint.Property(c => c.GridId).HasMaxLength(100);
            complaint.Property(c => c.CommunityId).HasMaxLength(100);
            complaint.Property(c => c.CaseId).HasMaxLength(60);
            complaint.Property(c => c.MatterId).HasMaxLength(60);
            complaint.Property(c => c.PetitionerMasked).HasMaxLength(60);
            complaint.Property(c => c.PetitionerKey).HasMaxLength(64);
            complaint.Property(c => c.Address).HasMaxLength(200);
            complaint.Property(c => c.Status).HasMaxLength(20);
            complaint.Property(c => c.ContentHash).HasMaxLength(64);
            complaint.Property(c => c.JoinedCaseId).HasMaxLength(60);
            complaint.Property(c => c.AssignedBy).HasMaxLength(100);
            complaint.HasIndex(c => new { c.DistrictId, c.TownId, c.ReceivedAt });
            complaint.HasIndex(c => new { c.DistrictId, c.PetitionerKey });
            complaint.HasIndex(c => c.CaseId);
        });
    }
}
