using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovernanceCloud.BaseData.ReadModel;

/// <summary>The tables the base-data module owns.</summary>
internal sealed class BaseDataReadModel : IReadModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GridRow>(grid =>
        {
            grid.TracksChanges();
            grid.ToTable("Grids");
            grid.HasKey(g => g.Id);
            grid.Property(g => g.Id).HasMaxLength(100);
            grid.Property(g => g.DistrictId).HasMaxLength(32);
            grid.Property(g => g.TownId).HasMaxLength(65);
            grid.Property(g => g.Code).HasMaxLength(32);
            grid.Property(g => g.Name).HasMaxLength(100);
            grid.Property(g => g.GridWorker).HasMaxLength(50);
            grid.HasIndex(g => new { g.DistrictId, g.TownId });
        });
        modelBuilder.Entity<CommunityRow>(community =>
        {
            community.ToTable("Communities");
            community.HasKey(c => c.Id);
            community.Property(c => c.Id).HasMaxLength(100);
            community.Property(c => c.DistrictId).HasMaxLength(32);
            community.Property(c => c.TownId).HasMaxLength(65);
            community.Property(c => c.GridId).HasMaxLength(100);
            community.Property(c => c.Name).HasMaxLength(100);
            community.Property(c => c.Aliases).HasMaxLength(500);
            community.Property(c => c.ContentHash).HasMaxLength(64).HasDefaultValue("");
            community.HasIndex(c => new { c.DistrictId, c.TownId });
            community.HasIndex(c => c.GridId);
        });
        modelBuilder.Entity<HouseRow>(house =>
        {
            house.ToTable("Houses");
            house.HasKey(h => h.Id);
            TenantColumns(house);
            house.Property(h => h.CommunityId).HasMaxLength(100);
            house.Property(h => h.Building).HasMaxLength(20);
            house.Property(h => h.Unit).HasMaxLength(20);
            house.Property(h => h.Room).HasMaxLength(20);
            house.Property(h => h.ContentHash).HasMaxLength(64);
            house.HasIndex(h => new { h.TownId, h.GridId });
        });
        modelBuilder.Entity<PersonRow>(person =>
        {
            person.ToTable("People");
            person.HasKey(p => p.Id);
            TenantColumns(person);
            person.Property(p => p.HouseId).HasMaxLength(100);
            person.Property(p => p.Name).HasMaxLength(50);
            person.Property(p => p.IdNumberHash).HasMaxLength(64);
            person.Property(p => p.IdNumberEncrypted).HasMaxLength(200);
            person.Property(p => p.IdNumberMasked).HasMaxLength(20);
            person.Property(p => p.PhoneHash).HasMaxLength(64);
            person.Property(p => p.PhoneEncrypted).HasMaxLength(200);
            person.Property(p => p.PhoneMasked).HasMaxLength(20);
            person.Property(p => p.Tags).HasMaxLength(200);
            person.Property(p => p.ContentHash).HasMaxLength(64);
            person.HasIndex(p => new { p.TownId, p.GridId });
            person.HasIndex(p => new { p.DistrictId, p.IdNumberHash });
            person.HasIndex(p => new { p.DistrictId, p.PhoneHash });
        });
        modelBuilder.Entity<BusinessRow>(business =>
        {
            business.ToTable("Businesses");
            business.HasKey(b => b.Id);
            TenantColumns(business);
            business.Property(b => b.CreditCode).HasMaxLength(18);
            business.Property(b => b.Name).HasMaxLength(200);
            business.Property(b => b.Address).HasMaxLength(200);
            business.Property(b => b.PhoneHash).HasMaxLength(64);
            business.Property(b => b.PhoneEncrypted).HasMaxLength(200);
            business.Property(b => b.PhoneMasked).HasMaxLength(20);
            business.Property(b => b.ContentHash).HasMaxLength(64);
            business.HasIndex(b => new { b.TownId, b.GridId });
        });
        modelBuilder.Entity<OrganisationRow>(organisation =>
        {
            organisation.ToTable("Organisations");
            organisation.HasKey(o => o.Id);
            TenantColumns(organisation);
            organisation.Property(o => o.Name).HasMaxLength(200);
            organisation.Property(o => o.Kind).HasMaxLength(50);
            organisation.Property(o => o.Contact).HasMaxLength(50);
            organisation.Property(o => o.PhoneHash).HasMaxLength(64);
            organisation.Property(o => o.PhoneEncrypted).HasMaxLength(200);
            organisation.Property(o => o.PhoneMasked).HasMaxLength(20);
            organisation.Property(o => o.ContentHash).HasMaxLength(64);
            organisation.HasIndex(o => new { o.TownId, o.GridId });
        });
    }

    // The id, tenant and grid columns every detail table shares.
    private static void TenantColumns<T>(EntityTypeBuilder<T> entity)
        where T : class, ITenantOwnedRow
    {
        entity.Property<string>("Id").HasMaxLength(100);
        entity.Property(nameof(ITenantOwnedRow.DistrictId)).HasMaxLength(32);
        entity.Property(nameof(ITenantOwnedRow.TownId)).HasMaxLength(65);
        entity.Property<string?>("GridId").HasMaxLength(100);
    }
}
