package dev.turnstile.gate;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The gate's verdict in the XML that Maven Surefire writes and CI systems read: one {@code testsuite}, one
 * {@code testcase} per rule and subject (classname the rule, name the subject), with a {@code failure} or
 * {@code skipped} element where it did not pass.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static void write(GateResult result, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "turnstile-gate");
            xml.writeAttribute("tests", Integer.toString(result.checks().size()));
            xml.writeAttribute("failures", Long.toString(result.count(Check.Status.FAILED)));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(result.count(Check.Status.SKIPPED)));
            xml.writeAttribute("time", "0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            for (String run : result.runs()) {
                property(xml, "run", run);
            }
            for (String run : result.baseline()) {
                property(xml, "baseline", run);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (Check check : result.checks()) {
                testcase(xml, check);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.writeCharacters("\n");
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    private static void testcase(XMLStreamWriter xml, Check check) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        boolean empty = check.status() == Check.Status.PASSED;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", clean(check.subject()));
        xml.writeAttribute("classname", clean(check.rule()));
        xml.writeAttribute("time", "0");
        if (empty) {
            return;
        }
        xml.writeCharacters("\n    ");
        if (check.status() == Check.Status.FAILED) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", clean(GateText.oneLine(check.message())));
            xml.writeAttribute("type", "turnstile.gate");
            xml.writeCharacters(clean(check.message()));
            xml.writeEndElement();
        } else {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", clean(GateText.oneLine(check.message())));
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** XML 1.0 cannot carry most control characters, which a thread name may hold: they become U+FFFD. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }
}
