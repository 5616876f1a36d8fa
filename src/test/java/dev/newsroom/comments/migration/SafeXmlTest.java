package dev.newsroom.comments.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/** The hardened parser: XML's own entities as often as a large export has them; no DOCTYPE at all. */
class SafeXmlTest {

    private static long textOf(String xml) throws XMLStreamException {
        XMLStreamReader reader = SafeXml.reader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        long characters = 0;
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.CHARACTERS) {
                characters += reader.getText().length();
            }
        }
        return characters;
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesHaveNoCeiling() throws XMLStreamException {
        // A million references: far past the JDK's default 100,000-character entity limits.
        String xml = "<rss>" + "<c>Fish &amp; chips &lt;b&gt; &#8230;</c>".repeat(250_000) + "</rss>";
        assertEquals(250_000L * "Fish & chips <b> …".length(), textOf(xml));
    }

    @Test
    void anyDoctypeIsRefused() {
        for (String doctype : new String[] {
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>",
                "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><r>&b;</r>",
                "<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x.dtd\"><r/>",
                "<!DOCTYPE r><r/>" }) {
            XMLStreamException refused = assertThrows(XMLStreamException.class, () -> textOf(doctype));
            assertTrue(refused.getMessage().contains("DOCTYPE"), refused.getMessage());
        }
    }

    @Test
    void anUndeclaredEntityIsAnError() {
        assertThrows(XMLStreamException.class, () -> textOf("<r>&nbsp;</r>"));
    }
}
