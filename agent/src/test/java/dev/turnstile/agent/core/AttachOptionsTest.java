package dev.turnstile.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachOptionsTest {

    @Test
    void takesTheAttachOptionsOutAndLeavesTheRestForTheAgent() {
        AttachOptions options = AttachOptions.split("control=/tmp/turnstile-0/42,owner=7,file=/r.jfr, threshold=1ms");
        assertTrue(options.attached());
        assertEquals(Path.of("/tmp/turnstile-0/42"), options.control);
        assertEquals(7, options.owner);
        assertEquals("file=/r.jfr, threshold=1ms", options.agentOptions);
        AgentOptions rest = AgentOptions.parse(options.agentOptions);
        assertEquals(List.of(), rest.warnings, "the agent's own options see nothing of attach's");
    }

    @Test
    void withoutAControlDirectoryTheAgentIsNotAttached() {
        AttachOptions options = AttachOptions.split("file=/r.jfr");
        assertFalse(options.attached());
        assertNull(options.control);
        assertEquals(0, options.owner);
        assertEquals("file=/r.jfr", options.agentOptions);
        assertFalse(AttachOptions.split(null).attached());
        assertFalse(AttachOptions.split("control=").attached());
    }

    @Test
    void aBadOwnerMeansNoOwner() {
        assertEquals(0, AttachOptions.split("control=/d,owner=me").owner);
        assertEquals(0, AttachOptions.split("control=/d,owner=-5").owner);
    }
}
