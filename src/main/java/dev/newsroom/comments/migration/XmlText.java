package dev.newsroom.comments.migration;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Small steps over a streaming XML reader. */
final class XmlText {

    private XmlText() {
    }

    /**
     * The text of the element the reader is at (text and CDATA, joined; the text of nested elements
     * left out), leaving the reader at its end tag.
     */
    static String of(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 0) {
                        return text.toString();
                    }
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 0) {
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("The file ends inside an element",
                        xml.getLocation());
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
    }

    /** Skips the element the reader is at, leaving the reader at its end tag. */
    static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth-- == 0) {
                    return;
                }
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("The file ends inside an element", xml.getLocation());
            }
        }
    }

    /** "line 12": where the reader is, for errors. */
    static String line(XMLStreamReader xml) {
        return "line " + xml.getLocation().getLineNumber();
    }
}
