package dev.turnstile.reports.html;

import dev.turnstile.analyzer.model.StackSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import one.convert.Arguments;
import one.convert.CallStack;
import one.convert.FlameGraph;

/**
 * A flame graph of stacks, drawn by async-profiler's converter as a page of its own, which the report shows in a frame
 * whose page it escapes as an attribute. Not a sandboxed frame: browsers lay those out in another process, and the
 * converter's script, which measures its canvas once, then finds it 0 pixels wide and draws nothing. What keeps recorded
 * text from becoming markup is the escaping and {@link #inert}.
 *
 * @param html   the converter's page
 * @param height pixels the frame needs to show every level
 * @param stacks distinct stacks drawn
 */
public record Flame(String html, int height, int stacks) {
    /** async-profiler's frame type for Java code, drawn green. */
    private static final byte JAVA_FRAME = 1;
    private static final int PIXELS_PER_LEVEL = 16;
    private static final int PAGE_CHROME = 110;

    /**
     * @param weighByTime widths by time (microseconds in the graph's own numbers); else by count
     * @param title       a fixed caption: the converter writes it unescaped, so it must never hold recorded text
     */
    static Flame of(List<StackSummary> stacks, boolean weighByTime, String title) {
        Arguments arguments = new Arguments();
        arguments.title = title;
        FlameGraph graph = new FlameGraph(arguments);
        int depth = 0;
        for (StackSummary stack : stacks) {
            CallStack call = new CallStack();
            List<String> frames = stack.frames();
            for (int i = frames.size() - 1; i >= 0; i--) {
                call.push(inert(frames.get(i)), JAVA_FRAME);
            }
            depth = Math.max(depth, frames.size());
            long weight = weighByTime ? Math.max(1, stack.nanos() / 1_000) : Math.max(1, stack.count());
            graph.addSample(call, weight);
        }
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        try {
            graph.dump(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Flame(page.toString(StandardCharsets.UTF_8), (depth + 1) * PIXELS_PER_LEVEL + PAGE_CHROME,
                stacks.size());
    }

    /**
     * The converter puts frame names into a script as string literals without guarding against markup; a name holding
     * {@code </script>} or {@code <!--} (possible in a JVM class name) would end or bend that script. A zero-width
     * space after the {@code <} keeps them text and reads the same.
     */
    static String inert(String frame) {
        return frame.replace("</", "<\u200b/").replace("<!", "<\u200b!");
    }
}
