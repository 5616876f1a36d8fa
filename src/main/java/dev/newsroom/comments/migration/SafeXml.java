package dev.newsroom.comments.migration;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A streaming XML reader for files nobody here wrote. No document type is read: DTD support is
 * off, external entities and external DTDs are never fetched, and a file that declares a
 * {@code <!DOCTYPE>} at all is refused (WordPress and Disqus exports have none), so XXE,
 * "billion laughs" and external DTDs all stop at the declaration with the same clear message. The
 * JDK's own parser is asked for by name, whatever else is on the class path.
 */
final class SafeXml {

    private static final XMLInputFactory FACTORY = hardened();

    private SafeXml() {
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return new DoctypeRefusing(FACTORY.createXMLStreamReader(in));
    }

    private static XMLInputFactory hardened() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // The JDK counts even &amp; and &#8230; against its entity size limits (100,000 characters
        // since JDK 24), which a real export passes within its first megabyte. With no DOCTYPE there
        // can be no other entities, so these limits guard nothing here: lifted for the document only.
        factory.setProperty("jdk.xml.maxGeneralEntitySizeLimit", 0);
        factory.setProperty("jdk.xml.totalEntitySizeLimit", 0);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("External resources are never loaded");
        });
        return factory;
    }

    /** Fails at a DOCTYPE declaration, and at an entity reference the parser did not replace. */
    private static final class DoctypeRefusing extends javax.xml.stream.util.StreamReaderDelegate {

        DoctypeRefusing(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("A DOCTYPE declaration is not accepted (no export has one; it could "
                        + "define entities that expand or fetch files)", getLocation());
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("The entity \"" + getLocalName() + "\" is not one of XML's own",
                        getLocation());
            }
            return event;
        }
    }
}
