package studio.dailies.production;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import studio.dailies.base.NotFoundException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A take for editorial as a download link ({@code deliveries/takes/<take id>}), so that the board's rows can offer it
 * from a template instead of registering a download handler per row. {@link TakeDelivery} decides, with its own
 * method security and show check; every refusal is a plain 404, the same for a take that does not exist and one the
 * user may not have, so ids cannot be probed.
 */
@Controller
class TakeDownloads {

    private final TakeDelivery delivery;

    TakeDownloads(TakeDelivery delivery) {
        this.delivery = delivery;
    }

    @GetMapping("/deliveries/takes/{takeId}")
    void take(@PathVariable long takeId, HttpServletResponse response) throws IOException {
        String fileName;
        try {
            fileName = delivery.fileName(takeId);
        } catch (NotFoundException | AccessDeniedException e) {
            // Set, not sent as an error: an error dispatch goes to /error, which Vaadin's rules answer with a 403.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        // Written as it is made, one frame at a time (the request thread keeps the user for the service's checks).
        delivery.writeZip(takeId, response.getOutputStream());
    }
}
