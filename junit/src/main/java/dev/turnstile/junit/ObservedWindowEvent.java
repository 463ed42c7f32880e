package dev.turnstile.junit;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The test body's span in the test's recording: begun before the body, committed after it. The recording also holds
 * events that began long before (a JUnit thread parked for seconds), so without it the analyzer's window would reach
 * back to them. The analyzer reads the same name and fields (analyzer: events.TurnstileEvents.OBSERVED_WINDOW).
 */
@Name(ObservedWindowEvent.NAME)
@Label("Observed window")
@Category("Turnstile")
@Description("The part of the run a recording was made to observe, such as a test body")
@StackTrace(false)
final class ObservedWindowEvent extends Event {
    static final String NAME = "turnstile.ObservedWindow";

    @Label("Source")
    @Description("Who marked the window")
    String source;

    @Label("Label")
    @Description("What was observed: the test's unique id")
    String label;
}
