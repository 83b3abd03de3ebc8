using System;
using IL2Schedule;
using IL2Schedule.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers IL2Schedule's planner with <see cref="IServiceCollection"/>.</summary>
/// <remarks>In this namespace, as is usual for registration methods, so that <c>services.AddIL2Schedule()</c> needs no extra using.</remarks>
public static class IL2ScheduleServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons, the configured <see cref="CourseProtocol"/>, a <see cref="CoursePlanner"/> for it
    /// (immutable and thread-safe, so one serves every request) and an <see cref="IClock"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (preset name or protocol, clock); null keeps the defaults: the label's protocol and the system clock.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>
    /// <para>The clock: an <see cref="IClock"/> already registered is kept; otherwise <see cref="IL2ScheduleOptions.Clock"/>,
    /// or NodaTime's system clock when that is null. This method is the one place in the libraries that names the
    /// system clock: the core never reads ambient time, and an app's composition root is where it is chosen.</para>
    /// <para>The options are validated by <see cref="IL2ScheduleOptionsValidator"/> when they are first read and at host
    /// start; bad options then throw <see cref="OptionsValidationException"/> whose message lists every problem, such as
    /// "IL2Schedule options: PresetName must be one of label, nci; was 'foo'".</para>
    /// <para>Calling it again adds the configuration; the planner, protocol and validator are registered once.</para>
    /// </remarks>
    public static IServiceCollection AddIL2Schedule(this IServiceCollection services, Action<IL2ScheduleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<IL2ScheduleOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IL2ScheduleOptions>, IL2ScheduleOptionsValidator>());
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<IL2ScheduleOptions>>().Value.ResolveProtocol());
        services.TryAddSingleton(provider => new CoursePlanner(provider.GetRequiredService<CourseProtocol>()));
#pragma warning disable RS0030 // The banned SystemClock.Instance: the app's default clock, chosen at its composition root (see remarks above).
        services.TryAddSingleton<IClock>(provider => provider.GetRequiredService<IOptions<IL2ScheduleOptions>>().Value.Clock ?? SystemClock.Instance);
#pragma warning restore RS0030
        return services;
    }
}
