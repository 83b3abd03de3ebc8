using DuckDB.NET.Data;

namespace IL2Schedule.Tests.Parquet;

/// <summary>DuckDB in memory: an independent reader of the Parquet (and CSV) files the tests check.</summary>
internal static class DuckDb
{
    /// <summary>Every row of a query, each value as DuckDB's ADO.NET provider gives it (DBNull as null).</summary>
    internal static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A path as an SQL string literal.</summary>
    internal static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
