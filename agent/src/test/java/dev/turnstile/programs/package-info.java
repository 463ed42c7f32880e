/**
 * Programs the agent's safety tests start in JVMs of their own, under the agent (they are plain {@code main} classes
 * and use nothing of JUnit). Each prints a {@code truth:} line with numbers it knows by construction. They live
 * outside {@code dev.turnstile.agent}, whose classes the agent never instruments and the analyzer strips from stacks.
 */
package dev.turnstile.programs;
