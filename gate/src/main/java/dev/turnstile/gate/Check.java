package dev.turnstile.gate;

/**
 * The verdict of one rule on one subject: what a person needs to act on it.
 *
 * @param rule     the rule's name (its {@code name} in the file, or made from the metric and limit)
 * @param subject  what was judged: "lock CLASS at SITE", "pool NAME", "thread group NAME", or the section
 * @param measured the new runs' value (their median with several runs), formatted with its unit; null if none
 * @param limit    the limit it was held to, formatted; null if none applied
 * @param baseline the baseline's median and run count, formatted; null without a baseline
 * @param pValue   the significance test's one-sided p-value; null when no test was run
 * @param message  one line saying what was found and why it passed, failed or was skipped
 */
public record Check(String rule, String subject, Status status, String measured, String limit, String baseline,
                    Double pValue, String message) {
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
