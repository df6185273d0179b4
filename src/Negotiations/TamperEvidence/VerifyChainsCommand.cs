using JasperFx.CommandLine;
using Marten;
using Negotiations.Infrastructure;

namespace Negotiations.TamperEvidence;

/// <summary>
/// <c>dotnet run --project src/Negotiations -- verify-chains</c>: verifies every stream as <c>GET /api/deals/{id}/verify</c>
/// does, prints a line per broken stream and a summary, and exits 0 when all are intact, 1 otherwise. Found by
/// JasperFx's scan of the application assembly.
/// </summary>
[Description("verify every deal's tamper-evidence chain; exit code 1 when one is broken", Name = "verify-chains")]
public sealed class VerifyChainsCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        try
        {
            return await VerifyAllAsync(host.Services.GetRequiredService<IDocumentStore>(), Console.Out, CancellationToken.None);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e))
        {
            // One line, not the framework's stack trace: the chains could not be read, so nothing was verified.
            await Console.Error.WriteLineAsync($"Cannot verify: PostgreSQL does not answer ({e.GetBaseException().Message.Split('\n')[0].Trim()}).");
            return false;
        }
    }

    public static async Task<bool> VerifyAllAsync(IDocumentStore store, TextWriter output, CancellationToken cancellationToken)
    {
        var database = store.Storage.Database;
        IReadOnlyList<Guid> ids;
        await using (var session = store.QuerySession())
        {
            ids = await EventChainStore.ReadStreamIdsAsync(session, cancellationToken);
        }

        var broken = 0;
        foreach (var id in ids)
        {
            if (await ChainVerification.VerifyAsync(database, id, cancellationToken) is { Intact: false } verdict)
            {
                broken++;
                await output.WriteLineAsync($"broken: deal {id} at version {verdict.BrokenAtVersion}: {verdict.Reason}");
            }
        }

        await output.WriteLineAsync($"{ids.Count} deals verified: {ids.Count - broken} intact, {broken} broken.");
        return broken == 0;
    }
}
