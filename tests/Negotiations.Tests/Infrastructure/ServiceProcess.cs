using System.Diagnostics;
using System.Text;
using Negotiations.Infrastructure;

namespace Negotiations.Tests.Infrastructure;

/// <summary>The real service as its own process (`dotnet Negotiations.dll`), for what a host inside the tests cannot show.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// The service's own build output (src/Negotiations/bin/{configuration}/net10.0), built with the tests through the
    /// project reference. Not the copy beside the tests: there the command-line scan would load the test assemblies.
    /// </summary>
    private static string BuildOutput
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testOutput.Parent!.Name;
            return Path.Combine(Repository.Root, "src", "Negotiations", "bin", configuration, testOutput.Name);
        }
    }

    /// <summary>
    /// Starts the service built next to the tests, with only the given settings (no connection string unless given) and
    /// the given command-line arguments (a JasperFx verb such as <c>verify-chains</c>; none runs the service).
    /// </summary>
    public static ServiceProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Start(environment, urlsOption: false, arguments);

    /// <summary>As <see cref="Start(IReadOnlyDictionary{string, string}, string[])"/>, listening where <c>--urls &lt;url&gt;</c> says.</summary>
    public static ServiceProcess StartWithUrlsOption(IReadOnlyDictionary<string, string> environment) => Start(environment, urlsOption: true);

    private static ServiceProcess Start(IReadOnlyDictionary<string, string> environment, bool urlsOption, params string[] arguments)
    {
        var port = Ports.FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(BuildOutput, "Negotiations.dll") },
            WorkingDirectory = BuildOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (urlsOption)
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
        }

        start.Environment.Remove("ConnectionStrings__Negotiations");
        start.Environment.Remove("ASPNETCORE_URLS");
        if (!urlsOption)
        {
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the service.");
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until /health answers 200; fails with the service's output if it exits or takes too long.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The service was not healthy within {timeout}:\n{Output}");
    }

    /// <summary>Asks the service to stop (SIGTERM, as a service manager would) and waits for it to exit.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    /// <summary>
    /// Kills the service outright (SIGKILL: no shutdown hooks, no draining, as the OOM killer or a power cut would) and waits
    /// until it is gone.
    /// </summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Client.Dispose();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
