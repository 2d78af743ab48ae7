using System.Text;
using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Statistics;
using static OmniContextEval.Reports.Html.HtmlText;

namespace OmniContextEval.Reports.Html;

/// <summary>The case table: one row per case linking to its drill-down page; numeric cells carry data-value for sorting.</summary>
public static class CaseTable
{
    public static void Render(StringBuilder html, IReadOnlyList<CaseSummary> cases, string? id, IReadOnlyList<string> dimensions)
    {
        html.Append("<div class=\"table-wrap\">").Append(id is null ? "<table>" : $"<table id=\"{id}\">").Append("<thead><tr>")
            .Append("<th data-sort=\"text\">case</th><th data-sort=\"text\">subtask</th><th data-sort=\"text\">tier</th>")
            .Append("<th class=\"num\" data-sort=\"num\">total</th><th class=\"num\" data-sort=\"num\">± sd</th>");
        foreach (var d in dimensions) html.Append($"<th class=\"num\" data-sort=\"num\">{E(d.Replace('_', ' '))}</th>");
        html.Append("<th>flags</th></tr></thead><tbody>");
        foreach (var c in cases)
        {
            var subtask = SubtaskInfo.PublishedName(c.Subtask);
            html.Append(c.Failed + c.Missing > 0 ? "<tr class=\"failed\"" : "<tr").Append($" data-subtask=\"{E(subtask)}\">")
                .Append($"<td><a href=\"cases/{Uri.EscapeDataString(c.CaseId)}.html\">{E(c.CaseId)}</a></td><td>{E(subtask)}</td><td>{E(c.Tier.ToString().ToLowerInvariant())}</td>")
                .Append($"<td class=\"num\" data-value=\"{Raw(c.Total)}\">{Score(c.Total)}</td><td class=\"num\" data-value=\"{Raw(c.TotalSpread)}\">{Score(c.TotalSpread)}</td>");
            foreach (var d in dimensions)
                html.Append(c.Dimensions.TryGetValue(d, out var v) ? $"<td class=\"num\" data-value=\"{Raw(v)}\">{Score(v)}</td>" : "<td class=\"num\" data-value=\"-1\">–</td>");
            html.Append("<td>").Append(Tags(c)).Append("</td></tr>");
        }
        html.Append("</tbody></table></div>");
    }

    private static string Tags(CaseSummary c)
    {
        var tags = new StringBuilder();
        if (c.Failed > 0) tags.Append($"<span class=\"tag bad\">{Int(c.Failed)} failed</span>");
        if (c.Missing > 0) tags.Append($"<span class=\"tag bad\">{Int(c.Missing)} missing</span>");
        if (c.Partial) tags.Append("<span class=\"tag bad\">partial</span>");
        foreach (var flag in c.Flags) tags.Append($"<span class=\"tag\">{E(flag)}</span>");
        return tags.ToString();
    }
}
