using GovernanceCloud.Feeds.Data;
using GovernanceCloud.Feeds.Model;

namespace GovernanceCloud.Feeds.Service;

// One controller per entity set: OData routes a set to the controller of the same name.
public sealed class ComplaintsController(FeedDbContext db) : FeedSetController<Complaint>(db);

public sealed class CasesController(FeedDbContext db) : FeedSetController<Case>(db);

public sealed class WarningsController(FeedDbContext db) : FeedSetController<Warning>(db);

public sealed class PromptSheetsController(FeedDbContext db) : FeedSetController<PromptSheet>(db);

public sealed class MattersController(FeedDbContext db) : FeedSetController<Matter>(db);

public sealed class TownsController(FeedDbContext db) : FeedSetController<Town>(db);

public sealed class GridsController(FeedDbContext db) : FeedSetController<Grid>(db);

public sealed class CommunitiesController(FeedDbContext db) : FeedSetController<Community>(db);

public sealed class ChannelsController(FeedDbContext db) : FeedSetController<Channel>(db);
