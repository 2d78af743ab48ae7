using Microsoft.Data.Sqlite;

namespace OmniContextEval.Metrics.Engine;

/// <summary>What a cached feature is keyed by: the exact model file, the preprocessing, and the image content.</summary>
public sealed record FeatureKey(string ModelSha256, string Mode, string ContentHash);

/// <summary>
/// What a cached pair value (PSNR, SSIM, LPIPS of an output against its reference) is keyed by: the metric with its
/// version and any model hashes, and both images' content hashes, in order.
/// </summary>
public sealed record PairKey(string Metric, string First, string Second);

/// <summary>
/// Network outputs stored in SQLite, keyed by <see cref="FeatureKey"/>, and float64 values of image pairs keyed by
/// <see cref="PairKey"/>, so unchanged images never run a network or a pixel metric twice. A file that is not a valid cache (corrupt, foreign, older schema) is deleted and rebuilt on open.
/// Thread-safe; owns its connection.
/// </summary>
public sealed class FeatureCache : IDisposable
{
    private const int SchemaVersion = 1;
    private readonly SqliteConnection connection;
    private readonly Lock gate = new();

    private FeatureCache(string path, SqliteConnection connection)
    {
        Path = path;
        this.connection = connection;
    }

    public string Path { get; }

    /// <summary>Opens or creates the cache; <paramref name="warn"/> hears when a damaged file was rebuilt.</summary>
    public static FeatureCache Open(string path, Action<string>? warn = null)
    {
        SQLitePCL.Batteries_V2.Init();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        try
        {
            return new FeatureCache(path, Connect(path));
        }
        catch (SqliteException e)
        {
            warn?.Invoke($"feature cache {path} is damaged ({e.Message.Split('\n')[0]}); rebuilding it");
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
                File.Delete(path + suffix);
            return new FeatureCache(path, Connect(path));
        }
    }

    public bool TryGet(FeatureKey key, out float[][] outputs)
    {
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT data FROM features WHERE model = $m AND mode = $p AND content = $c";
            Bind(command, key);
            if (command.ExecuteScalar() is byte[] blob)
            {
                outputs = Decode(blob);
                return true;
            }
            outputs = [];
            return false;
        }
    }

    /// <summary>Stores several entries in one transaction (replacing existing ones).</summary>
    public void PutMany(IEnumerable<(FeatureKey Key, float[][] Outputs)> entries)
    {
        lock (gate)
        {
            using var transaction = connection.BeginTransaction();
            foreach (var (key, outputs) in entries)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT OR REPLACE INTO features(model, mode, content, data) VALUES ($m, $p, $c, $d)";
                Bind(command, key);
                command.Parameters.AddWithValue("$d", Encode(outputs));
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    public bool TryGetPair(PairKey key, out double[] values)
    {
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT data FROM pairs WHERE metric = $m AND a = $a AND b = $b";
            BindPair(command, key);
            if (command.ExecuteScalar() is byte[] blob)
            {
                values = new double[blob.Length / sizeof(double)];
                Buffer.BlockCopy(blob, 0, values, 0, values.Length * sizeof(double));
                return true;
            }
            values = [];
            return false;
        }
    }

    /// <summary>Stores several pair values in one transaction (replacing existing ones).</summary>
    public void PutPairs(IEnumerable<(PairKey Key, double[] Values)> entries)
    {
        lock (gate)
        {
            using var transaction = connection.BeginTransaction();
            foreach (var (key, values) in entries)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT OR REPLACE INTO pairs(metric, a, b, data) VALUES ($m, $a, $b, $d)";
                BindPair(command, key);
                var blob = new byte[values.Length * sizeof(double)];
                Buffer.BlockCopy(values, 0, blob, 0, blob.Length);
                command.Parameters.AddWithValue("$d", blob);
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    /// <summary>Number of cached feature entries.</summary>
    public long Count
    {
        get
        {
            lock (gate)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM features";
                return (long)command.ExecuteScalar()!;
            }
        }
    }

    public void Dispose() => connection.Dispose();

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL");
            Execute(connection, "PRAGMA synchronous = NORMAL"); // WAL stays consistent; a power cut may drop the last writes
            var check = Scalar(connection, "PRAGMA quick_check") as string;
            if (check != "ok")
                throw new SqliteException($"integrity check says: {check}", 11);
            var version = (long)Scalar(connection, "PRAGMA user_version")!;
            var hasTable = (long)Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'features'")! == 1;
            if (hasTable && version != SchemaVersion)
                throw new SqliteException($"schema version {version}, expected {SchemaVersion}", 26);
            Execute(connection, "CREATE TABLE IF NOT EXISTS features(model TEXT NOT NULL, mode TEXT NOT NULL, content TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY(model, mode, content)) WITHOUT ROWID");
            Execute(connection, "CREATE TABLE IF NOT EXISTS pairs(metric TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY(metric, a, b)) WITHOUT ROWID");
            Execute(connection, $"PRAGMA user_version = {SchemaVersion}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Bind(SqliteCommand command, FeatureKey key)
    {
        command.Parameters.AddWithValue("$m", key.ModelSha256);
        command.Parameters.AddWithValue("$p", key.Mode);
        command.Parameters.AddWithValue("$c", key.ContentHash);
    }

    private static void BindPair(SqliteCommand command, PairKey key)
    {
        command.Parameters.AddWithValue("$m", key.Metric);
        command.Parameters.AddWithValue("$a", key.First);
        command.Parameters.AddWithValue("$b", key.Second);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Layout: output count, then per output its length and float32 values (little-endian).</summary>
    private static byte[] Encode(float[][] outputs)
    {
        var bytes = new byte[4 + outputs.Sum(o => 4 + o.Length * 4)];
        BitConverter.TryWriteBytes(bytes.AsSpan(0), outputs.Length);
        var offset = 4;
        foreach (var output in outputs)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(offset), output.Length);
            Buffer.BlockCopy(output, 0, bytes, offset + 4, output.Length * 4);
            offset += 4 + output.Length * 4;
        }
        return bytes;
    }

    private static float[][] Decode(byte[] blob)
    {
        var outputs = new float[BitConverter.ToInt32(blob, 0)][];
        var offset = 4;
        for (var i = 0; i < outputs.Length; i++)
        {
            var length = BitConverter.ToInt32(blob, offset);
            outputs[i] = new float[length];
            Buffer.BlockCopy(blob, offset + 4, outputs[i], 0, length * 4);
            offset += 4 + length * 4;
        }
        return outputs;
    }
}
