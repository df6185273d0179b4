using Wolverine;

namespace Negotiations.Intake.Feeds;

/// <summary>Polls every feed followed every <c>Intake:FeedPollMinutes</c> (default 15; 0 turns polling off), through Wolverine.</summary>
public sealed partial class FeedPolling(IServiceProvider services, IConfiguration configuration, ILogger<FeedPolling> logger) : BackgroundService
{
    public const string MinutesSetting = "Intake:FeedPollMinutes";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue<int?>(MinutesSetting) ?? 15;
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = services.CreateScope();
                var polled = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<FeedsPolled>(new PollFeeds(), stoppingToken);
                Polled(logger, polled.Feeds, polled.Archived, polled.Known, polled.Failed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PollFailed(logger, e, minutes);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feeds polled: {Feeds} feeds, {Archived} archived, {Known} known, {Failed} failed")]
    private static partial void Polled(ILogger logger, int feeds, int archived, int known, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the feeds failed; the next poll is in {Minutes} minutes")]
    private static partial void PollFailed(ILogger logger, Exception exception, int minutes);
}
