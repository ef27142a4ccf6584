using System.ComponentModel;
using System.Reflection;
using GovernanceCloud.Feeds.Model;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Vocabularies;
using Microsoft.OData.Edm.Vocabularies.V1;
using Microsoft.OData.ModelBuilder;

namespace GovernanceCloud.Feeds.Service;

/// <summary>
/// The EDM of the service at <c>/odata</c>: one entity set per feed (DESIGN.md "Public contract"),
/// enums for states, scenarios and levels, and a Chinese <c>Core.Description</c> on every type,
/// property and enum member, so a BI tool shows staff the names they know.
/// </summary>
internal static class FeedModel
{
    public const string Namespace = "GovernanceCloud";

    /// <summary>Entity set name → entity type, in the order the service document lists them.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Sets = new Dictionary<string, Type>
    {
        ["Complaints"] = typeof(Complaint),
        ["Cases"] = typeof(Case),
        ["Warnings"] = typeof(Warning),
        ["PromptSheets"] = typeof(PromptSheet),
        ["Matters"] = typeof(Matter),
        ["Towns"] = typeof(Town),
        ["Grids"] = typeof(Grid),
        ["Communities"] = typeof(Community),
        ["Channels"] = typeof(Channel),
    };

    /// <summary>The sets whose tables carry a change sequence: these offer incremental sync.</summary>
    public static readonly IReadOnlySet<Type> Tracked = Sets.Values.Where(t => t != typeof(Community)).ToHashSet();

    public static IEdmModel Build()
    {
        var builder = new ODataConventionModelBuilder { Namespace = Namespace, ContainerName = "GovernanceCloud" };
        builder.Ignore<FeedEntity>();
        Set<Complaint>(builder, "Complaints");
        Set<Case>(builder, "Cases");
        Set<Warning>(builder, "Warnings");
        Set<PromptSheet>(builder, "PromptSheets");
        Set<Matter>(builder, "Matters");
        Set<Town>(builder, "Towns");
        Set<Grid>(builder, "Grids");
        Set<Community>(builder, "Communities");
        Set<Channel>(builder, "Channels");
        var model = (EdmModel)builder.GetEdmModel();
        Describe(model);
        return model;
    }

    private static void Set<TEntity>(ODataConventionModelBuilder builder, string name)
        where TEntity : FeedEntity
    {
        var entity = builder.EntitySet<TEntity>(name).EntityType;
        entity.Name = typeof(TEntity).Name;
        entity.DerivesFromNothing();
        entity.HasKey(e => e.Id);
        entity.Ignore(e => e.ChangeSeq);
    }

    private static void Describe(EdmModel model)
    {
        foreach (var type in model.SchemaElements.OfType<IEdmStructuredType>())
        {
            var clr = Sets.Values.FirstOrDefault(t => t.Name == ((IEdmSchemaElement)type).Name);
            if (clr is null)
            {
                continue;
            }

            Annotate(model, (IEdmVocabularyAnnotatable)type, clr.GetCustomAttribute<DescriptionAttribute>()?.Description);
            foreach (var property in type.DeclaredProperties)
            {
                Annotate(model, property, clr.GetProperty(property.Name)?.GetCustomAttribute<DescriptionAttribute>()?.Description);
            }
        }

        foreach (var type in model.SchemaElements.OfType<IEdmEnumType>())
        {
            Annotate(model, type, FeedEnums.DescriptionOf(type.Name));
            foreach (var member in type.Members)
            {
                Annotate(model, member, FeedEnums.DescriptionOf(type.Name, member.Name));
            }
        }
    }

    private static void Annotate(EdmModel model, IEdmVocabularyAnnotatable target, string? description)
    {
        if (description is null)
        {
            return;
        }

        var annotation = new EdmVocabularyAnnotation(target, CoreVocabularyModel.DescriptionTerm, new EdmStringConstant(description));
        annotation.SetSerializationLocation(model, EdmVocabularyAnnotationSerializationLocation.Inline);
        model.AddVocabularyAnnotation(annotation);
    }
}
