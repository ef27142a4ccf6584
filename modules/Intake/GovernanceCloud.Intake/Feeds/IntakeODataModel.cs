using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Web.OData;
using Microsoft.OData.ModelBuilder;

namespace GovernanceCloud.Intake.Feeds;

/// <summary>Adds <c>Complaints</c> (without content, address or petitioner key: no personal data in a feed) and <c>Channels</c>.</summary>
internal sealed class IntakeODataModel : IODataModelContribution
{
    public void Build(ODataConventionModelBuilder builder)
    {
        var complaints = builder.EntitySet<ComplaintRow>("Complaints").EntityType;
        complaints.Name = "Complaint";
        complaints.HasKey(c => c.Id);
        complaints.Ignore(c => c.Content);
        complaints.Ignore(c => c.Address);
        complaints.Ignore(c => c.PetitionerKey);
        var channels = builder.EntitySet<ChannelRow>("Channels").EntityType;
        channels.Name = "Channel";
        channels.HasKey(c => c.Id);
    }
}
