package org.penneoarchive.application.dashboard;

import java.time.LocalDate;

/** How many of something happened on one day (in the viewer's time zone). */
public record DayCount(LocalDate day, long count) {}
