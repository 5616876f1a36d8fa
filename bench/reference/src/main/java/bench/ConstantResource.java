package bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GET /constant: the same JSON bytes every time, built once at startup. No database, no
 * serialisation per request: the ceiling of this HTTP stack on this machine. A plain (non-reactive)
 * return type, so it runs on a worker thread like the service's endpoints.
 */
@Path("/constant")
public class ConstantResource {

    private final byte[] body;

    ConstantResource(@ConfigProperty(name = "reference.body-size") int size) {
        this.body = constantJson(size);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] constant() {
        return body;
    }

    /** {"pad":"xxx…"} of exactly {@code size} bytes; below the 10-byte minimum, {} padded with spaces. */
    static byte[] constantJson(int size) {
        String prefix = "{\"pad\":\"", suffix = "\"}";
        int fill = size - prefix.length() - suffix.length();
        if (fill < 0) {
            byte[] small = new byte[Math.max(size, 2)];
            Arrays.fill(small, (byte) ' ');
            small[0] = '{';
            small[1] = '}';
            return small;
        }
        return (prefix + "x".repeat(fill) + suffix).getBytes(StandardCharsets.US_ASCII);
    }
}
