package dev.turnstile.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real sockets of this JVM, opened and closed, as /proc shows them: what the no-listener tests rely on to fail. */
class ProcessSocketsTest {
    private static final long SELF = ProcessHandle.current().pid();

    @BeforeAll
    static void linuxOnly() {
        Assumptions.assumeTrue(ProcessSockets.available(), "no /proc socket tables here (not Linux)");
    }

    @Test
    void aTcpListenerAndAConnectionToIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            List<ProcessSockets.Socket> accepting = ProcessSockets.acceptingFromOthers(SELF);
            assertEquals(1, accepting.stream().filter(s -> s.table().startsWith("tcp")).count(), accepting::toString);
            assertEquals(server.getLocalPort(), accepting.stream().filter(s -> s.table().startsWith("tcp"))
                    .findFirst().orElseThrow().localPort());
            // both ends of the connection are this process's too, and neither accepts from others
            assertTrue(ProcessSockets.of(SELF).stream().filter(s -> s.table().startsWith("tcp")).count() >= 3,
                    () -> ProcessSockets.of(SELF).toString());
            assertTrue(client.isConnected() && accepted.isConnected());
        }
        assertTrue(ProcessSockets.acceptingFromOthers(SELF).stream().noneMatch(s -> s.table().startsWith("tcp")),
                () -> ProcessSockets.acceptingFromOthers(SELF).toString());
    }

    @Test
    void aBoundUdpSocket() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            List<ProcessSockets.Socket> accepting = ProcessSockets.acceptingFromOthers(SELF);
            assertTrue(accepting.stream().anyMatch(s -> s.table().startsWith("udp")
                    && s.localPort() == socket.getLocalPort()), accepting::toString);
        }
        assertTrue(ProcessSockets.acceptingFromOthers(SELF).stream().noneMatch(s -> s.table().startsWith("udp")));
    }

    @Test
    void aUnixListenerWithItsPath() throws Exception {
        Path dir = Files.createTempDirectory("turnstile-sockets-");
        Path path = dir.resolve("listener.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            List<ProcessSockets.Socket> accepting = ProcessSockets.acceptingFromOthers(SELF);
            assertTrue(accepting.stream().anyMatch(s -> s.table().equals("unix") && s.path().equals(path.toString())),
                    accepting::toString);
        } finally {
            Files.deleteIfExists(path);
            Files.delete(dir);
        }
        assertFalse(ProcessSockets.acceptingFromOthers(SELF).stream().anyMatch(s -> s.path().equals(path.toString())));
    }

    @Test
    void aProcessThatIsGoneIsAnError() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        long pid = done.pid();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> ProcessSockets.of(pid));
    }
}
