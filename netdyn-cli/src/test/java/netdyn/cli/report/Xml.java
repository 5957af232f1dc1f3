package netdyn.cli.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses figures and pages as XML (namespace-aware, no external entities) and finds elements in them. */
final class Xml {

    private Xml() {
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new InputSource(new StringReader(xml)));
    }

    /** All elements with the local name, in document order. */
    static List<Element> all(Document d, String localName) {
        NodeList nodes = d.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** Elements with the local name whose class attribute is {@code cls}. */
    static List<Element> byClass(Document d, String localName, String cls) {
        return all(d, localName).stream().filter(e -> cls.equals(e.getAttribute("class"))).toList();
    }

    /** Number of subpaths (moveto commands) in a path's d attribute. */
    static int subpaths(Element path) {
        return (int) path.getAttribute("d").chars().filter(c -> c == 'M').count();
    }
}
