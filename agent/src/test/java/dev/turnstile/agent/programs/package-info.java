/**
 * Programs the agent's safety tests start in JVMs of their own, under the agent (they are plain {@code main} classes
 * and use nothing of JUnit). Each prints a {@code truth:} line with numbers it knows by construction.
 */
package dev.turnstile.agent.programs;
