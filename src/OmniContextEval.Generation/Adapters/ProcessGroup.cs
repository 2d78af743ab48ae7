using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// A command started in its own session and process group (through <c>setsid</c>), so that one signal to the group
/// ends the command and every child it left behind, however it backgrounded them. Live groups, and the work folder
/// holding each one's request file, are remembered: when the harness exits (normally, on SIGTERM or on SIGHUP) every live
/// group is killed and its folder removed. Ctrl+C cancels the run's token, and the command adapter kills the group on
/// that path.
/// </summary>
public sealed class ProcessGroup : IDisposable
{
    private const int SigKill = 9;
    private static readonly ConcurrentDictionary<ProcessGroup, byte> Live = new();
    private static readonly string? Setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);
    private readonly string? _workFolder;
    private int _ended;

    // SIGTERM and SIGHUP end the harness without ProcessExit: each handler ends the groups, then lets the signal's
    // default action (termination) go on. Ctrl+C (SIGINT) cancels the run's token instead, and the adapter kills its group.
    private static readonly PosixSignalRegistration[] Signals =
        OperatingSystem.IsWindows() ? [] : [PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => EndAll()), PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => EndAll())];

    static ProcessGroup() => AppDomain.CurrentDomain.ProcessExit += (_, _) => EndAll();

    private ProcessGroup(Process process, string? workFolder)
    {
        Process = process;
        _workFolder = workFolder;
        OwnGroup = Setsid is not null;
    }

    /// <summary>The group leader: <c>/bin/sh -c COMMAND</c>; its id is the group's id.</summary>
    public Process Process { get; }

    /// <summary>False where <c>setsid</c> is absent: then only the process tree .NET can see is killed.</summary>
    public bool OwnGroup { get; }

    /// <summary>Starts <c>/bin/sh -c <paramref name="command"/></c> with all three streams redirected.</summary>
    /// <param name="workFolder">Removed (recursively) if the harness exits while the command runs.</param>
    public static ProcessGroup Start(string command, IReadOnlyDictionary<string, string> environment, string? workFolder)
    {
        var start = new ProcessStartInfo(Setsid ?? "/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Setsid is not null) start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the process could not be started");
        var group = new ProcessGroup(process, workFolder);
        Live[group] = 0;
        return group;
    }

    /// <summary>Ids of the processes still in this group (from /proc); empty once it has been killed.</summary>
    public IReadOnlyList<int> Members() => MembersOf(Process.Id);

    /// <summary>Ids of the processes whose process group is <paramref name="groupId"/>.</summary>
    public static IReadOnlyList<int> MembersOf(int groupId)
    {
        var members = new List<int>();
        if (!Directory.Exists("/proc")) return members;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && int.Parse(fields[2]) == groupId) members.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException) { }
        }
        return members;
    }

    /// <summary>Kills every process of the group (SIGKILL); safe to call more than once.</summary>
    public void Kill()
    {
        if (OwnGroup && KillNative(-Process.Id, SigKill) == 0) return;
        try { Process.Kill(entireProcessTree: true); }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException) { }
    }

    /// <summary>Kills the group (members left behind included), forgets it and releases the process handle.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1) return;
        Kill();
        Live.TryRemove(this, out _);
        Process.Dispose();
    }

    /// <summary>Kills every live group and removes its work folder: the exit path (SIGTERM included).</summary>
    public static void EndAll()
    {
        foreach (var group in Live.Keys)
        {
            group.Kill();
            try { if (group._workFolder is not null && Directory.Exists(group._workFolder)) Directory.Delete(group._workFolder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillNative(int pid, int signal);
}
