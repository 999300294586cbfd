using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Lists;
using Kvk.Graph.Municipalities;
using Kvk.Graph.Nominations;
using Kvk.Graph.Rounds;
using Kvk.Graph.Schema;
using Kvk.Graph.Tests.Support;
using Kvk.Storage.Rounds;
using Kvk.Storage.Store;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kvk.Graph.Tests.Engine.Lists;

/// <summary>
/// A value's SQL (what filters, sorts and groups compare) and its reader (what the object type's field shows) say the
/// same of every document: every value of every entity the lists reach, over every stored document and one more per
/// table made to hold the edge cases (empty texts, missing values, empty arrays).
/// </summary>
[Collection(SeededHistory.Name)]
public sealed class ListValueTests(SeededKvk kvk)
{
    [Fact]
    public async Task Every_value_reads_the_same_in_sql_as_its_field()
    {
        var failures = new List<string>();
        failures.AddRange(await CompareAsync(AwardList.Entity, a => a with { RecipientName = "", Motivation = "", AnnouncedAt = null }));
        failures.AddRange(await CompareAsync(RoundList.Entity, r => r with { Nominees = [], NomineesKnown = null, Status = RoundStatus.Nominating }));
        failures.AddRange(await CompareAsync(NominationList.Entity, n => n with { WithdrawalReason = "", WithdrawnAt = null }));
        var municipalityEdge = (Func<Municipality, Municipality>)(m =>
            m with { WikidataId = null, MunicipalityGroup = "", County = m.County with { ShortName = "", WikidataId = null } });
        failures.AddRange(await CompareAsync(MunicipalityList.Entity, municipalityEdge));
        failures.AddRange(await CompareAsync(MunicipalityList.Entity, "county", MunicipalityList.County, municipalityEdge));
        failures.AddRange(await CompareAsync(MunicipalityList.Entity, "population", MunicipalityList.Population, municipalityEdge));

        Assert.Empty(failures);
        string[] compared = ["Award", "County", "Municipality", "Nomination", "Population", "Round"];
        Assert.Equal(compared, Reachable().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Array_lengths_and_nested_members_read_the_same_in_sql_as_in_csharp()
    {
        var figures = new Entity<RoundView>("RoundFigures", "Shapes no list offers yet.")
            .FromTable(ViewTables.Rounds)
            .Value("nomineeCount", "The standing nominees.", r => r.Nominees.Count)
            .Value("noteCount", "The notes.", r => r.Notes.Count)
            .Value("announcedAt", "When the award was announced.", r => r.Announcement!.AnnouncedAt)
            .Value("recordedAnnouncement", "When the announcement was recorded.", r => r.Announcement!.RecordedAt);

        Assert.Equal([false, false, true, true], figures.Values(ValueUse.Filter).Select(v => v.Nullable));
        Assert.All(figures.Values(ValueUse.Filter).Take(2), v => Assert.Equal(ValueKind.Number, v.Kind));
        Assert.Empty(await CompareAsync(figures, r => r with { Nominees = [], Notes = [], Announcement = null }));
    }

    /// <summary>The values of a table's entity, over its rows and one more: a stored row's document as <paramref name="edge"/> makes it.</summary>
    private Task<List<string>> CompareAsync<TDoc>(Entity<TDoc> entity, Func<TDoc, TDoc> edge) =>
        CompareAsync(entity, entity, "t", "t.data", edge);

    /// <summary>The values of an entity embedded in a table's documents (<paramref name="relation"/>), over every document that holds one.</summary>
    private Task<List<string>> CompareAsync<TRow, TDoc>(Entity<TRow> table, string relation, Entity<TDoc> embedded, Func<TRow, TRow> edge) =>
        CompareAsync(table, embedded, Source(table, relation), Source(table, relation), edge);

    private static string Source<TRow>(Entity<TRow> table, string relation) => ((Embedded)((OneMember)table.Find(relation)!).Relation).Source("t");

    /// <param name="source">The entity's source in SQL: the row's alias, or the embedded object.</param>
    /// <param name="document">The entity's document in SQL.</param>
    private async Task<List<string>> CompareAsync<TRow, TDoc>(Entity<TRow> table, Entity<TDoc> entity, string source, string document, Func<TRow, TRow> edge)
    {
        var serializer = kvk.Server.Services.GetRequiredService<IDocumentStore>().Options.Serializer();
        var values = entity.Members.OfType<ValueMember>().Where(v => v.Read is not null).ToList();
        await using var connection = new NpgsqlConnection(kvk.Server.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var copySql = $"create temp table edge_rows on commit drop as select * from {table.Table} limit 1; select data from edge_rows";
        await using (var copy = new NpgsqlCommand(copySql, connection, transaction))
        await using (var reader = await copy.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync(), $"{table.Table} has no rows.");
            var row = edge(await serializer.FromJsonAsync<TRow>(reader, 0));
            await reader.CloseAsync();
            await using var update = new NpgsqlCommand("update edge_rows set data = @data::jsonb", connection, transaction);
            update.Parameters.AddWithValue("data", serializer.ToJson(row));
            await update.ExecuteNonQueryAsync();
        }

        var failures = new List<string>();
        var sql = $"select ({document})::text, {string.Join(", ", values.Select(v => v.Sql(source)))}" +
                  $" from (select * from {table.Table} union all select * from edge_rows) t where jsonb_typeof({document}) = 'object'";
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var rows = await command.ExecuteReaderAsync();
        var count = 0;
        while (await rows.ReadAsync())
        {
            count++;
            var json = rows.GetString(0);
            var item = serializer.FromJson<TDoc>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
            for (var i = 0; i < values.Count; i++)
            {
                var inSql = Normal(rows.GetValue(i + 1));
                var read = Normal(values[i].Read!(item!));
                if (!Equals(inSql, read))
                {
                    failures.Add($"{entity.Name}.{values[i].Name}: SQL {inSql ?? "null"}, field {read ?? "null"} in {json}");
                }
            }
        }

        Assert.True(count > 1, $"{entity.Name}: only {count} documents compared.");
        return failures;
    }

    /// <summary>A value as both sides can hold it: an enum by its stored name, a moment in UTC ticks, a number as a long.</summary>
    private static object? Normal(object? value) => value switch
    {
        null or DBNull => null,
        Enum e => e.ToString(),
        DateTimeOffset d => d.UtcTicks,
        DateTime d => d.ToUniversalTime().Ticks,
        int i => (long)i,
        _ => value,
    };

    private static HashSet<string> Reachable()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Entity>(KvkSchema.Lists.Select(l => l.Entity));
        while (queue.TryDequeue(out var entity))
        {
            if (!seen.Add(entity.Name))
            {
                continue;
            }

            var targets = entity.Members.Select(m => m switch { OneMember one => one.Target(), ManyMember many => many.Target(), _ => null });
            foreach (var target in targets.OfType<Entity>())
            {
                queue.Enqueue(target);
            }
        }

        return seen;
    }
}
