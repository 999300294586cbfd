using Kvk.Storage.Programmes;
using Kvk.Storage.Store;
using Npgsql;

namespace Kvk.Storage.Awards;

/// <summary>
/// The served programme's award motivations as PostgreSQL's Swedish text search sees them, stored once
/// per change instead of computed on every search (about 80 µs a motivation: an expression index still
/// left every ranked row to be parsed again). PostgreSQL's own triggers on the award table keep it, so
/// every writer of the read model does: the inline projections, the seed import and the rebuild's COPY.
/// </summary>
public static class AwardSearchIndex
{
    public const string Table = KvkStoreOptions.SchemaName + ".award_search";

    /// <summary>The motivation's text search vector, a column of <see cref="Table"/> (joined on <c>id</c>).</summary>
    public const string Vector = "motivation_vector";

    /// <summary>
    /// The function that parses a motivation: its vector; its words in order, as the parser found them; and
    /// for each word its lexemes, space-separated, a hyphenated word with its parts' too. The triggers store
    /// the vector; the search's excerpts are built from the words and lexemes.
    /// </summary>
    public const string Parse = Table + "_parse";

    private const string Awards = KvkStoreOptions.SchemaName + ".mt_doc_award";
    private const string Served = $"programme = '{AwardProgramme.Main}'";

    /// <summary>Creates or updates the table and its triggers, then brings the table in line with the awards.</summary>
    public static Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        StoreDdl.ApplyAsync(dataSource, Ddl, cancellationToken);

    // Hosts starting together on one database take turns (the lock), and the last two statements repair
    // whatever was written while the triggers did not exist yet (a store older than this table).
    private const string Ddl = $"""
        select pg_advisory_xact_lock(hashtext('{Table}'));

        create table if not exists {Table} (
            id varchar primary key,
            {Vector} tsvector not null);
        alter table {Table} drop column if exists motivation_words, drop column if exists motivation_lexemes;

        create or replace function {Parse}(motivation text, out vector tsvector, out words text[], out lexemes text[]) language plpgsql stable as $$
        declare
            token record;
        begin
            vector := to_tsvector('swedish'::regconfig, motivation);
            words := array[]::text[];
            lexemes := array[]::text[];
            for token in select alias, t.token as text, t.lexemes as found from ts_debug('swedish'::regconfig, motivation) t loop
                if token.alias like 'hword\_%' then
                    lexemes[cardinality(lexemes)] := concat_ws(' ', lexemes[cardinality(lexemes)], array_to_string(token.found, ' '));
                elsif token.alias <> 'blank' then
                    words := words || token.text;
                    lexemes := lexemes || coalesce(array_to_string(token.found, ' '), '');
                end if;
            end loop;
        end $$;

        create or replace function {Table}_upsert() returns trigger language plpgsql as $$
        begin
            insert into {Table} (id, {Vector})
                select new.id, p.vector from {Parse}(coalesce(new.data->>'motivation', '')) p
            on conflict (id) do update set {Vector} = excluded.{Vector};
            return null;
        end $$;

        create or replace function {Table}_delete() returns trigger language plpgsql as $$
        begin
            delete from {Table} where id = old.id;
            return null;
        end $$;

        create or replace function {Table}_clear() returns trigger language plpgsql as $$
        begin
            truncate {Table};
            return null;
        end $$;

        create or replace trigger award_search_inserted after insert on {Awards}
            for each row when (new.{Served}) execute function {Table}_upsert();
        create or replace trigger award_search_updated after update on {Awards}
            for each row when (new.{Served}) execute function {Table}_upsert();
        create or replace trigger award_search_left after update on {Awards}
            for each row when (old.{Served} and not new.{Served}) execute function {Table}_delete();
        create or replace trigger award_search_deleted after delete on {Awards}
            for each row when (old.{Served}) execute function {Table}_delete();
        create or replace trigger award_search_truncated after truncate on {Awards}
            for each statement execute function {Table}_clear();

        insert into {Table} (id, {Vector})
            select a.id, p.vector
            from {Awards} a, {Parse}(coalesce(a.data->>'motivation', '')) p where a.{Served}
            on conflict (id) do update set {Vector} = excluded.{Vector}
            where {Table}.{Vector} is distinct from excluded.{Vector};
        delete from {Table} s where not exists (select 1 from {Awards} a where a.id = s.id and a.{Served});
        """;
}
