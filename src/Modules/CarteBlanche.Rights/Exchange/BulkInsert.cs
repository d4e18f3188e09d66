using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CarteBlanche.Rights.Exchange;

/// <summary>
/// Writes many new rows of one entity. On SQLite, one prepared INSERT per row with the parameters EF's own type
/// mappings make (the same stored forms as EF writes): EF's SaveChanges took 127 µs a row there, most of an operator's
/// import. PostgreSQL keeps EF's batched SaveChanges (one round trip a batch). Inside the context's current
/// transaction when there is one, else in a transaction of its own.
/// </summary>
internal static class BulkInsert
{
    public static async Task InsertAsync<T>(CarteBlancheDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        if (!db.Database.IsSqlite())
        {
            db.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var columns = properties.Select(p => p.GetColumnName(table)!).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var current = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var own = current == null ? await connection.BeginTransactionAsync(cancellationToken) : null;
            await using var command = connection.CreateCommand();
            command.Transaction = current ?? own;
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            // Parameters made once by the type mappings (their store type), then given each row's converted value.
            var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToList();
            var getters = properties.Select(p => p.GetGetter()).ToList();
            var parameters = properties.Select((p, i) => mappings[i].CreateParameter(command, $"@p{i}", getters[i].GetClrValue(rows[0]), p.IsNullable)).ToList();
            command.Parameters.AddRange(parameters.ToArray());
            await command.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Count; i++)
                {
                    var value = getters[i].GetClrValue(row);
                    parameters[i].Value = value == null ? DBNull.Value : mappings[i].Converter?.ConvertToProvider(value) ?? value;
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            if (own != null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
