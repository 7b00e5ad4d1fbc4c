package dev.ferry.porting.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The porting rules a deployment may tune. */
@ConfigMapping(prefix = "ferry.porting")
public interface PortingRules {

    /** Business days (Monday to Friday) between submission and the earliest requested port date. */
    @WithDefault("10")
    int leadTimeBusinessDays();

    /** How old, in days, the attached bill may be at submission. */
    @WithDefault("60")
    int billMaxAgeDays();

    /** Within this many hours before the FOC date only the porting desk may cancel. */
    @WithDefault("48")
    int cancelWindowHours();

    /** The largest document accepted, in bytes. */
    @WithDefault("10485760")
    long documentMaxBytes();
}
