using FsCheck;
using FsCheck.Fluent;

namespace OmniContextEval.Imaging.Tests.Codecs;

/// <summary>
/// Property: whatever bytes are flipped, overwritten, zeroed, removed or cut, decoding a corpus file either
/// succeeds with a well-formed image or throws <see cref="ImageDecodeException"/> naming the file; never another
/// exception and never a crash. Mutations come from FsCheck generators with fixed seeds, so every run checks the
/// same cases and a failure names the seed and mutation that reproduce it.
/// </summary>
public class MutationPropertyTests
{
    private const int CasesPerFile = 300;

    public enum MutationKind { FlipBit, SetByte, ZeroRun, DeleteRun, Truncate }

    /// <summary>One edit; Position and Length are fractions of the file (per million) so one generator fits every file.</summary>
    public sealed record Mutation(MutationKind Kind, int PositionPpm, int Length, byte Value)
    {
        public byte[] ApplyTo(byte[] original)
        {
            var data = (byte[])original.Clone();
            var at = (int)((long)PositionPpm * data.Length / 1_000_000);
            var run = Math.Min(Length, data.Length - at);
            switch (Kind)
            {
                case MutationKind.FlipBit: data[at] ^= (byte)(1 << (Value & 7)); break;
                case MutationKind.SetByte: data[at] = Value; break;
                case MutationKind.ZeroRun: Array.Clear(data, at, run); break;
                case MutationKind.DeleteRun: return [.. data.AsSpan(0, at), .. data.AsSpan(at + run)];
                case MutationKind.Truncate: return data[..at];
            }
            return data;
        }
    }

    private static readonly Gen<Mutation> MutationGen =
        from kind in Gen.Elements(Enum.GetValues<MutationKind>())
        from position in Gen.Frequency((3, Gen.Choose(0, 999_999)), (1, Gen.Choose(0, 60_000))) // headers get extra attention
        from length in Gen.Choose(1, 64)
        from value in Gen.Choose(0, 255)
        select new Mutation(kind, position, length, (byte)value);

    private static readonly Gen<Mutation[]> MutationsGen = Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(MutationGen, n));

    public static TheoryData<string> Representatives() => new(CorruptImages.Representatives);

    [Theory]
    [MemberData(nameof(Representatives))]
    public void Mutated_files_decode_or_fail_with_the_file_named(string file)
    {
        var original = CorruptImages.Read(file);
        var seed = Fnv1a(file);
        var cases = Gen.Sample(MutationsGen, 50, new Rnd(seed), CasesPerFile);
        var failures = 0;
        foreach (var mutations in cases)
        {
            var data = mutations.Aggregate(original, (bytes, m) => m.ApplyTo(bytes));
            var name = $"mutated-{file}";
            try
            {
                var image = ImageDecoder.Decode(data, name);
                Assert.Equal(image.Width * image.Height * 3, image.Pixels.Length);
            }
            catch (ImageDecodeException e)
            {
                Assert.True(e.ImagePath == name && e.Message.StartsWith(name + ": ", StringComparison.Ordinal),
                    $"{file} seed {seed}: exception does not name the file: {e.Message}");
                failures++;
            }
            catch (Exception e)
            {
                Assert.Fail($"{file} seed {seed}, mutations [{string.Join(", ", mutations.AsEnumerable())}]: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(failures > 0, $"{file}: none of {CasesPerFile} mutated variants was rejected; the generator is not reaching the decoder");
    }

    [Theory]
    [MemberData(nameof(Representatives))]
    public void Read_info_on_mutated_files_succeeds_or_names_the_file(string file)
    {
        var original = CorruptImages.Read(file);
        var path = Path.Combine(OmniContextEval.Testing.TestPaths.NewTempDir(), file);
        foreach (var mutations in Gen.Sample(MutationsGen, 50, new Rnd(Fnv1a(file) + 1), 40))
        {
            File.WriteAllBytes(path, mutations.Aggregate(original, (bytes, m) => m.ApplyTo(bytes)));
            try
            {
                var info = ImageDecoder.ReadInfo(path);
                Assert.True(info.Width > 0 && info.Height > 0, $"{file}: ReadInfo gave {info.Width}x{info.Height}");
            }
            catch (ImageDecodeException e)
            {
                Assert.Equal(path, e.ImagePath);
            }
        }
    }

    /// <summary>A seed stable across runs and processes (string.GetHashCode is randomised per process).</summary>
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
