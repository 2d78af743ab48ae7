using OmniContextEval.Core;
using OmniContextEval.Core.Cases;
using OmniContextEval.Generation.Velocity;
using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Compositing;

/// <summary>
/// Composes the built-in field's candidate images from a case's input images and subjects; never reads the
/// reference image. The branches keep OmniGen2's meaning:
/// <list type="bullet">
/// <item>conditional (instruction + images): the scene subject's image as background (else a plain backdrop),
/// the other subjects in the order the instruction names them, side by side, at three scales, in that order and
/// mirrored (one subject: shifted left and right) - 6 candidates;</item>
/// <item>reference (images, no instruction): every subject, scene included, as a panel in input order on grey, at three scales;</item>
/// <item>unconditional (no instruction, no images as conditioning): each input image alone, covering the canvas.</item>
/// </list>
/// </summary>
public static class CandidateComposer
{
    private static readonly double[] Scales = [0.9, 0.75, 0.6];
    private const float Backdrop = 0.55f, PanelGrey = 0f;

    public static CandidateSet Compose(BenchmarkCase @case, IReadOnlyList<RgbImage> inputs, int width, int height)
    {
        if (inputs.Count != @case.InputImages.Count)
            throw new ArgumentException($"case {@case.Id}: {@case.InputImages.Count} input images declared, {inputs.Count} given");
        if (@case.Subjects.Count == 0)
            throw new HarnessException($"case {@case.Id}: field subjects is empty; the built-in generator composes from subjects");
        foreach (var s in @case.Subjects)
            if (s.ImageIndex < 0 || s.ImageIndex >= inputs.Count)
                throw new HarnessException($"case {@case.Id}: subject '{s.Name}' has imageIndex {s.ImageIndex}, the case has {inputs.Count} input images");
        var targets = new List<float[]>();
        var descriptions = new List<string>();
        int Add(Canvas canvas, string description) { targets.Add(canvas.Data); descriptions.Add(description); return targets.Count - 1; }

        var scene = @case.Subjects.FirstOrDefault(s => s.Kind == SubjectKind.Scene);
        var mentioned = InstructionOrder(@case);
        var conditional = new List<int>();
        foreach (var scale in Scales)
        {
            var variants = mentioned.Count > 1
                ? new[] { (Order: mentioned, Shift: 0.0, Name: "named order"), (Order: mentioned.AsEnumerable().Reverse().ToList(), Shift: 0.0, Name: "mirrored") }
                : [(mentioned, -0.12, "left"), (mentioned, 0.12, "right")];
            foreach (var (order, shift, name) in variants)
            {
                var canvas = new Canvas(width, height);
                if (scene is null) canvas.Fill(Backdrop, Backdrop, Backdrop);
                else DrawCover(inputs, scene, canvas);
                PlaceRow(inputs, order, canvas, scale, shift, groundLine: scene is not null);
                conditional.Add(Add(canvas, $"cond: {(scene is null ? "backdrop" : "scene " + scene.Name)}, {name}, scale {scale}"));
            }
        }

        var inputOrder = @case.Subjects.OrderBy(s => s.ImageIndex).ToList();
        var reference = new List<int>();
        foreach (var scale in Scales)
        {
            var canvas = new Canvas(width, height);
            canvas.Fill(PanelGrey, PanelGrey, PanelGrey);
            PlaceRow(inputs, inputOrder, canvas, scale, 0, groundLine: false);
            reference.Add(Add(canvas, $"ref: panels in input order, scale {scale}"));
        }

        var unconditional = new List<int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var canvas = new Canvas(width, height);
            Resampler.Draw(inputs[i], Whole(inputs[i]), canvas, new(0, 0, width, height));
            unconditional.Add(Add(canvas, $"uncond: input image {i}"));
        }
        return new CandidateSet(width, height, targets, new BranchTargets(conditional, reference, unconditional), descriptions);
    }

    /// <summary>Non-scene subjects sorted by where the English instruction first names them (unnamed ones last, in listed order).</summary>
    public static List<Subject> InstructionOrder(BenchmarkCase @case)
    {
        var text = @case.EnglishInstruction;
        var subjects = @case.Subjects.Where(s => s.Kind != SubjectKind.Scene).ToList();
        if (subjects.Count == 0) subjects = [.. @case.Subjects];
        return subjects
            .Select((s, i) => (s, i, at: text.IndexOf(s.Name, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(p => p.at < 0 ? int.MaxValue : p.at).ThenBy(p => p.i)
            .Select(p => p.s).ToList();
    }

    private static void DrawCover(IReadOnlyList<RgbImage> inputs, Subject scene, Canvas canvas)
    {
        var image = inputs[scene.ImageIndex];
        var region = RegionOf(image, scene);
        // Crop the region to the canvas's aspect ratio around its centre, then fill the canvas.
        var aspect = (double)canvas.Width / canvas.Height;
        var (w, h) = region.Width > region.Height * aspect
            ? ((int)Math.Round(region.Height * aspect), region.Height)
            : (region.Width, (int)Math.Round(region.Width / aspect));
        w = Math.Max(1, w); h = Math.Max(1, h);
        var crop = new Resampler.Region(region.X + (region.Width - w) / 2, region.Y + (region.Height - h) / 2, w, h);
        Resampler.Draw(image, crop, canvas, new(0, 0, canvas.Width, canvas.Height));
    }

    private static void PlaceRow(IReadOnlyList<RgbImage> inputs, IReadOnlyList<Subject> subjects, Canvas canvas, double scale, double shift, bool groundLine)
    {
        var slotWidth = (double)canvas.Width / subjects.Count;
        for (var k = 0; k < subjects.Count; k++)
        {
            var image = inputs[subjects[k].ImageIndex];
            var region = RegionOf(image, subjects[k]);
            var boxW = slotWidth * scale;
            var boxH = canvas.Height * scale * (groundLine ? 0.8 : 1.0);
            var fit = Math.Min(boxW / region.Width, boxH / region.Height);
            var w = Math.Max(1, (int)Math.Round(region.Width * fit));
            var h = Math.Max(1, (int)Math.Round(region.Height * fit));
            var centreX = slotWidth * (k + 0.5) + shift * canvas.Width;
            var x = (int)Math.Round(centreX - w / 2.0);
            var y = groundLine ? (int)Math.Round(canvas.Height * 0.95) - h : (canvas.Height - h) / 2;
            Resampler.Draw(image, region, canvas, new(x, y, w, h));
        }
    }

    private static Resampler.Region Whole(RgbImage image) => new(0, 0, image.Width, image.Height);

    private static Resampler.Region RegionOf(RgbImage image, Subject subject)
    {
        if (subject.Box is not { } box) return Whole(image);
        var x = Math.Clamp(box.X, 0, image.Width - 1);
        var y = Math.Clamp(box.Y, 0, image.Height - 1);
        return new(x, y, Math.Clamp(box.Width, 1, image.Width - x), Math.Clamp(box.Height, 1, image.Height - y));
    }
}
