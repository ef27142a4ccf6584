using System.Linq.Expressions;
using System.Reflection;
using GovernanceCloud.Feeds.Model;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace GovernanceCloud.Feeds.Service;

/// <summary>
/// <c>$search</c> on the sets that have text: each term must appear in the set's text columns
/// (a complaint's title, a warning's summary, a matter's label and places, a name), with AND, OR
/// and NOT as OData writes them. A plain substring match, which both databases run as SQL.
/// </summary>
internal sealed class FeedSearchBinder : ISearchBinder
{
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    private static readonly Dictionary<Type, string[]> Columns = new()
    {
        [typeof(Complaint)] = [nameof(Complaint.Title)],
        [typeof(Warning)] = [nameof(Warning.Summary)],
        [typeof(PromptSheet)] = [nameof(PromptSheet.Summary)],
        [typeof(Matter)] = [nameof(Matter.Label), nameof(Matter.Places)],
        [typeof(Town)] = [nameof(Town.Name)],
        [typeof(Grid)] = [nameof(Grid.Name)],
        [typeof(Community)] = [nameof(Community.Name), nameof(Community.Aliases)],
        [typeof(Channel)] = [nameof(Channel.Name)],
    };

    public Expression BindSearch(SearchClause searchClause, QueryBinderContext context)
    {
        ArgumentNullException.ThrowIfNull(searchClause);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.ElementClrType;
        if (!Columns.TryGetValue(type, out var columns))
        {
            throw new ODataException($"{type.Name} 没有可检索的文本，不支持 $search；请改用 $filter。");
        }

        var row = Expression.Parameter(type, "row");
        return Expression.Lambda(Bind(searchClause.Expression, row, columns), row);
    }

    private static Expression Bind(QueryNode node, ParameterExpression row, string[] columns) => node switch
    {
        SearchTermNode term => columns
            .Select(c => (Expression)Expression.Call(Expression.Property(row, c), Contains, Expression.Constant(term.Text)))
            .Aggregate(Expression.OrElse),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and => Expression.AndAlso(Bind(and.Left, row, columns), Bind(and.Right, row, columns)),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or => Expression.OrElse(Bind(or.Left, row, columns), Bind(or.Right, row, columns)),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Expression.Not(Bind(not.Operand, row, columns)),
        ConvertNode convert => Bind(convert.Source, row, columns),
        _ => throw new ODataException("无法理解的 $search 表达式。"),
    };
}
