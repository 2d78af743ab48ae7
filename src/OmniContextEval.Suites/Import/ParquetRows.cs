using Apache.Arrow;
using OmniContextEval.Core;
using ParquetSharp.Arrow;

namespace OmniContextEval.Suites.Import;

/// <summary>
/// Reads the published OmniContext parquet files (Hugging Face dataset <c>OmniGen2/OmniContext</c>) through
/// ParquetSharp's Arrow reader, which wraps Apache Arrow's parquet-cpp, the library that wrote them. Columns:
/// <c>key</c>, <c>task_type</c>, <c>instruction</c>, <c>instruction_language</c> (strings) and <c>input_images</c>, a list
/// of image structs with <c>bytes</c> (binary) and <c>path</c> (string, may be null). Errors name the file, row and column.
/// </summary>
public static class ParquetRows
{
    private static readonly string[] TextColumns = ["key", "task_type", "instruction", "instruction_language"];

    public static IReadOnlyList<PublishedRow> ReadAll(string path)
    {
        if (!System.IO.File.Exists(path)) throw new HarnessException($"{path}: file not found", ExitCodes.InvalidInput);
        try
        {
            using var file = new FileReader(path);
            using var batches = file.GetRecordBatchReader();
            var rows = new List<PublishedRow>();
            while (batches.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
                using (batch)
                    rows.AddRange(Rows(path, batch, rows.Count));
            return rows;
        }
        catch (ParquetSharp.ParquetException e)
        {
            throw new HarnessException($"{path}: not a readable parquet file: {e.Message}", ExitCodes.InvalidInput, e);
        }
    }

    private static IEnumerable<PublishedRow> Rows(string path, RecordBatch batch, int firstRow)
    {
        var text = TextColumns.Select(name => Column<StringArray>(path, batch, name, "string")).ToArray();
        var images = Column<ListArray>(path, batch, "input_images", "list of image structs (bytes, path)");
        if (images.Values is not StructArray structs)
            throw new HarnessException($"{path}: column input_images holds {images.Values.Data.DataType.Name} values; expected structs with bytes and path", ExitCodes.InvalidInput);
        var structType = (Apache.Arrow.Types.StructType)structs.Data.DataType;
        var bytesField = structType.Fields.ToList().FindIndex(f => f.Name == "bytes");
        var pathField = structType.Fields.ToList().FindIndex(f => f.Name == "path");
        if (bytesField < 0 || structs.Fields[bytesField] is not BinaryArray bytes)
            throw new HarnessException($"{path}: input_images structs have no binary field 'bytes'", ExitCodes.InvalidInput);
        var names = pathField >= 0 ? structs.Fields[pathField] as StringArray : null;
        for (int i = 0; i < batch.Length; i++)
        {
            var where = $"{path}: row {firstRow + i}";
            string Text(int column)
            {
                var value = text[column].GetString(i);
                if (string.IsNullOrWhiteSpace(value))
                    throw new HarnessException($"{where}: column {TextColumns[column]} is null or empty", ExitCodes.InvalidInput);
                return value;
            }
            var key = Text(0);
            if (images.IsNull(i)) throw new HarnessException($"{where} (key {key}): input_images is null", ExitCodes.InvalidInput);
            var list = new List<PublishedImage>();
            for (int j = images.ValueOffsets[i]; j < images.ValueOffsets[i + 1]; j++)
            {
                if (structs.IsNull(j) || bytes.IsNull(j) || bytes.GetBytes(j).Length == 0)
                    throw new HarnessException($"{where} (key {key}): input image {j - images.ValueOffsets[i]} has no bytes", ExitCodes.InvalidInput);
                var name = names?.GetString(j);
                list.Add(new PublishedImage(string.IsNullOrEmpty(name) ? $"{key}_{j - images.ValueOffsets[i]}" : name, bytes.GetBytes(j).ToArray()));
            }
            yield return new PublishedRow(key, Text(1), Text(2), Text(3), list);
        }
    }

    private static T Column<T>(string path, RecordBatch batch, string name, string expected) where T : class, IArrowArray
    {
        var index = batch.Schema.FieldsList.ToList().FindIndex(f => f.Name == name);
        if (index < 0)
            throw new HarnessException($"{path}: no column '{name}' (columns: {string.Join(", ", batch.Schema.FieldsList.Select(f => f.Name))})", ExitCodes.InvalidInput);
        return batch.Column(index) as T
            ?? throw new HarnessException($"{path}: column {name} is {batch.Schema.GetFieldByIndex(index).DataType.Name}; expected {expected}", ExitCodes.InvalidInput);
    }
}
