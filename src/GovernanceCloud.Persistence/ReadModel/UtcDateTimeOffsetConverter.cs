using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>Stores every time as UTC (PostgreSQL keeps no offset anyway); reads come back as UTC.</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());
