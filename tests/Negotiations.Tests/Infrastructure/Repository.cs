namespace Negotiations.Tests.Infrastructure;

/// <summary>Where the repository is checked out: the folder holding Negotiations.sln, above the running build.</summary>
public static class Repository
{
    public const string SolutionFile = "Negotiations.sln";

    /// <summary>The repository root above <paramref name="start"/> (the running build's folder by default), or null.</summary>
    public static string? FindRoot(string? start = null)
    {
        for (var folder = new DirectoryInfo(start ?? AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>The repository root; fails when the build does not run from inside a checkout.</summary>
    public static string Root => FindRoot() ?? throw new InvalidOperationException($"{SolutionFile} not found above {AppContext.BaseDirectory}.");
}
