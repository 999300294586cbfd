using GraphQL;
using GraphQL.Types;
using Kvk.Domain.PublicLog;
using Kvk.Graph.Engine.Lists.Paging;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Lookups;
using Kvk.Graph.Meta;

namespace Kvk.Graph.PublicLog;

public static class PublicLogQueries
{
    public const string UnknownDataVersion = "UNKNOWN_DATA_VERSION";

    public static void AddPublicLogQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeType>>>>("changes")
            .Description("What was recorded after a data version (`meta { dataVersion }`, e.g. \"110-3fa9c1e2\"): the entries of the public log that " +
                "follow it, oldest first, at most `first`; ask again with the last one's `dataVersion` for more. A version this record never had is the " +
                "error UNKNOWN_DATA_VERSION; text that is no data version, INVALID_INPUT. \"0-00000000\" is the empty record: the whole log.")
            .Argument<NonNullGraphType<StringGraphType>>("since", "A data version this record had.")
            .Argument<IntGraphType>("first", a =>
            {
                a.Description = $"How many entries at most, 0 to {PageArguments.MaxPageSize}.";
                a.DefaultValue = PageArguments.MaxPageSize;
            })
            .ResolveAsync(async c =>
            {
                var since = c.GetArgument<string>("since");
                var first = c.GetArgument<int>("first");
                if (first is < 0 or > PageArguments.MaxPageSize)
                {
                    throw new ExecutionError($"`first` is 0 to {PageArguments.MaxPageSize}.") { Code = LookupArguments.InvalidInput };
                }

                if (!PublicLogHash.TryParseDataVersion(since, out var position, out var prefix))
                {
                    throw new ExecutionError($"\"{since}\" is not a data version: it is a position and 8 lowercase hex digits, e.g. \"110-3fa9c1e2\".")
                    {
                        Code = LookupArguments.InvalidInput,
                    };
                }

                var store = c.Service<ReadStore>();
                if (position > 0 && await PublicLogPage.HashAtAsync(store, position, c.CancellationToken) is var hash
                    && hash?.StartsWith(prefix, StringComparison.Ordinal) != true)
                {
                    var current = await DataFigures.ReadAsync(store, c.Service<ResponseCache>(), c.CancellationToken);
                    throw new ExecutionError($"This record has no data version {since}; its current version is {current.DataVersion}.")
                    {
                        Code = UnknownDataVersion,
                    };
                }

                var (page, _) = await PublicLogPage.ReadAsync(store, position, first, c.CancellationToken);
                return page.Select(PublicLogChange.Of).ToList();
            });
}
