package dev.turnstile.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sockets a running process holds, read from Linux's {@code /proc}: the socket inodes among its open file
 * descriptors ({@code /proc/PID/fd}), joined with the kernel's socket tables of its network namespace
 * ({@code /proc/PID/net/tcp}, {@code tcp6}, {@code udp}, {@code udp6}, {@code unix}), which list every process's
 * sockets, so only the inodes the process holds are its own.
 */
public final class ProcessSockets {
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
    private static final List<String> INET_TABLES = List.of("tcp", "tcp6", "udp", "udp6");
    /** The kernel's TCP_LISTEN, in the st column of the tcp tables. */
    private static final String TCP_LISTEN = "0A";
    /** __SO_ACCEPTCON in the Flags column of the unix table: the socket listens. */
    private static final int UNIX_ACCEPTING = 0x10000;
    private static final String UNIX_DATAGRAM = "0002";

    /**
     * One socket of the process.
     *
     * @param table     the /proc/net table it is listed in: tcp, tcp6, udp, udp6 or unix
     * @param localPort the local port (0 when not bound; always 0 for unix)
     * @param state     the st column as the kernel writes it (hexadecimal)
     * @param path      a unix socket's path ({@code @name} for an abstract one); empty for none, and for TCP and UDP
     * @param line      the table's line, for messages
     */
    public record Socket(String table, long inode, int localPort, String state, int unixFlags, String unixType,
                         String path, String line) {

        /**
         * Whether others can reach it: a TCP socket listening, a UDP socket bound to a port, a unix socket listening or
         * a unix datagram socket bound to a name.
         */
        public boolean acceptsFromOthers() {
            return switch (table) {
                case "tcp", "tcp6" -> state.equals(TCP_LISTEN);
                case "udp", "udp6" -> localPort != 0;
                default -> (unixFlags & UNIX_ACCEPTING) != 0 || (unixType.equals(UNIX_DATAGRAM) && !path.isEmpty());
            };
        }

        @Override
        public String toString() {
            return table + " inode " + inode + ": " + line.trim();
        }
    }

    private ProcessSockets() {
    }

    /** Whether this machine has the /proc tables read here (Linux). */
    public static boolean available() {
        return Files.isRegularFile(Path.of("/proc/self/net/tcp")) && Files.isDirectory(Path.of("/proc/self/fd"));
    }

    /** Every socket the process holds now; those whose tables it cannot read are missing, never made up. */
    public static List<Socket> of(long pid) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        Set<Long> inodes = socketInodes(proc.resolve("fd"));
        List<Socket> sockets = new ArrayList<>();
        for (String table : INET_TABLES) {
            for (String line : tableLines(proc.resolve("net").resolve(table))) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length < 10 || !inodes.contains(Long.parseLong(columns[9]))) {
                    continue;
                }
                String local = columns[1];
                int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
                sockets.add(new Socket(table, Long.parseLong(columns[9]), port, columns[3], 0, "", "", line));
            }
        }
        for (String line : tableLines(proc.resolve("net").resolve("unix"))) {
            // Num RefCount Protocol Flags Type St Inode [Path]; a path may hold spaces
            String[] columns = line.trim().split("\\s+", 8);
            if (columns.length < 7 || !inodes.contains(Long.parseLong(columns[6]))) {
                continue;
            }
            String path = columns.length == 8 ? columns[7] : "";
            sockets.add(new Socket("unix", Long.parseLong(columns[6]), 0, columns[5], Integer.parseInt(columns[3], 16),
                    columns[4], path, line));
        }
        return sockets;
    }

    /** The process's sockets that others can connect or send to (see {@link Socket#acceptsFromOthers()}). */
    public static List<Socket> acceptingFromOthers(long pid) {
        return of(pid).stream().filter(Socket::acceptsFromOthers).toList();
    }

    private static Set<Long> socketInodes(Path fdDir) {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    Matcher m = SOCKET_LINK.matcher(Files.readSymbolicLink(fd).toString());
                    if (m.matches()) {
                        inodes.add(Long.parseLong(m.group(1)));
                    }
                } catch (NoSuchFileException closedMeanwhile) {
                    // the descriptor was closed while the folder was read
                }
            }
        } catch (NoSuchFileException gone) {
            throw new IllegalStateException("process " + fdDir.getParent().getFileName() + " is gone");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    /** The table's lines without its header; none if the kernel has no such table (IPv6 switched off). */
    private static List<String> tableLines(Path table) {
        try {
            List<String> lines = Files.readAllLines(table);
            return lines.isEmpty() ? lines : lines.subList(1, lines.size());
        } catch (NoSuchFileException noSuchTable) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
