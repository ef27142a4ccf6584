using Microsoft.EntityFrameworkCore.Metadata;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>A mapped property's value of a row as the database takes it, for statements written by hand from the EF model.</summary>
public static class ProviderValues
{
    /// <summary>The value, converted by the property's value converter, or DBNull.</summary>
    public static object ProviderValue(this IProperty property, object row)
    {
        ArgumentNullException.ThrowIfNull(property);
        var value = property.GetGetter().GetClrValue(row);
        var converter = property.GetTypeMapping().Converter;
        if (converter is not null && value is not null)
        {
            value = converter.ConvertToProvider(value);
        }
        else if (value is DateTimeOffset time)
        {
            // PostgreSQL's timestamptz takes only UTC offsets from Npgsql.
            value = time.ToUniversalTime();
        }

        return value ?? DBNull.Value;
    }
}
