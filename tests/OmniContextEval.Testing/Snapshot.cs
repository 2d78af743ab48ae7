using System.Globalization;
using OmniContextEval.Testing;

namespace OmniContextEval.Testing;

/// <summary>
/// Approved-snapshot comparison against tests/fixtures/reports/NAME. On a difference the received text is written
/// beside it as NAME.received and the test fails; OMNICTX_UPDATE_SNAPSHOTS=1 rewrites the approved file instead.
/// </summary>
public static class Snapshot
{
    public static void Match(string name, string actual)
    {
        var approved = TestPaths.Fixture("reports", name);
        if (Environment.GetEnvironmentVariable("OMNICTX_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(approved, actual);
            return;
        }
        var expected = File.Exists(approved) ? File.ReadAllText(approved) : null;
        if (expected == actual) return;
        File.WriteAllText(approved + ".received", actual);
        Assert.Fail(expected is null
            ? $"no approved snapshot {approved}; the output was written to {approved}.received"
            : $"output differs from {approved}; see {approved}.received");
    }

    /// <summary>A culture that writes numbers as 1.234,5 (comma decimal separator), like de-DE.</summary>
    public static CultureInfo CommaCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NegativeSign = "\u2212";
        return culture;
    }

    /// <summary>Runs <paramref name="action"/> with the given current culture, restoring the previous one.</summary>
    public static T Under<T>(CultureInfo culture, Func<T> action)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try { return action(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous; }
    }
}
