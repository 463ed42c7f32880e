/**
 * The agent's core, loaded in an isolated class loader: options, the JFR recording, and the instrumentation
 * (Byte Buddy, relocated). Advice classes here are never loaded as code by the program; their bytecode is
 * inlined into JDK methods and may only refer to the bridge.
 */
package dev.turnstile.agent.core;
