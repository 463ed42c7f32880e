package dev.turnstile.cli;

import dev.turnstile.samples.SampleMain;

/**
 * A program with secrets where programs keep them: a system property on its JVM's command line, an environment
 * variable, a program argument, and the command lines of the children it starts (the spawn sample's, which carry
 * secrets in every form the agent redacts). It says whether the first three reached it, then runs the spawn sample
 * and the gil sample, so its reports have findings, locks, threads and processes to show.
 */
public final class SecretsProgram {
    static final String PROPERTY = "turnstile.it.secret";
    static final String VARIABLE = "TURNSTILE_IT_SECRET";

    private SecretsProgram() {
    }

    public static void main(String[] args) throws Throwable {
        System.out.println("secrets: property=" + (System.getProperty(PROPERTY) != null) + " environment="
                + (System.getenv(VARIABLE) != null) + " argument=" + (args.length == 1));
        SampleMain.main(new String[] {"spawn"});
        SampleMain.main(new String[] {"gil", "--seconds", "1.5", "--threads", "4"});
    }
}
