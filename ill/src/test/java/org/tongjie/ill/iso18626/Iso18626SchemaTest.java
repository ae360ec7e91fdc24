package org.tongjie.ill.iso18626;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The schema ships inside the ill module, unchanged from the one its SOURCE.txt names. */
class Iso18626SchemaTest {
    @Test
    void theBundledSchemaIsTheOneItsSourceNoteDescribesByteForByte() throws IOException, NoSuchAlgorithmException {
        String source = new String(resource("iso18626/SOURCE.txt"), StandardCharsets.UTF_8);
        var declared = Pattern.compile("SHA-256: ([0-9a-f]{64})").matcher(source);
        assertTrue(declared.find(), source);
        byte[] xsd = resource(Iso18626Schema.RESOURCE);
        assertEquals(declared.group(1), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xsd)),
                "ISO-18626-v1_2.xsd was changed; a new version of the standard comes in as a new file");
        assertTrue(source.contains("http://illtransactions.org/schemas/ISO-18626-v1_2.xsd"), source);
    }

    @Test
    void theSchemaIsCompiledOnceForTheWholeHub() {
        assertSame(Iso18626Schema.fromClasspath(), Iso18626Schema.fromClasspath());
    }

    @Test
    void aClassPathWithoutTheSchemaStopsTheHubSayingTheJarIsDamaged() {
        var e = assertThrows(IllegalStateException.class, () -> Iso18626Schema.load(null, "classpath:nowhere.xsd"));
        assertTrue(e.getMessage().contains("classpath:nowhere.xsd") && e.getMessage().contains("damaged"), e.getMessage());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Iso18626SchemaTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " is not on the class path");
            return in.readAllBytes();
        }
    }
}
