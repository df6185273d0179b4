using CsvHelper;

namespace Negotiations.Tests.Infrastructure;

/// <summary>CSV read back by an independent parser (CsvHelper), strictly: comma-separated, malformed quoting or ragged rows throw.</summary>
public static class CsvReading
{
    private static readonly CsvReaderOptions Strict = CsvReaderOptions.Default with
    {
        HasHeader = false,
        Separator = ',',
        DetectSeparatorHint = false,
        SkipEmptyLines = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
    };

    /// <summary>Every record, the header row first, each as its fields' text.</summary>
    public static IReadOnlyList<string[]> Parse(string csv)
    {
        using var reader = CsvReader.FromText(csv, Strict);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return rows;
    }
}
