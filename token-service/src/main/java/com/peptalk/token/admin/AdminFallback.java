package com.peptalk.token.admin;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.nio.charset.StandardCharsets;

/**
 * The rest of {@code /admin}: its style sheet, and a readable 404 page for any other address there (instead
 * of the JSON problem the service's API gives). The style sheet is served here rather than by the static
 * resource handler, which the catch-all would shadow; it stays under {@code /admin} because that is all the
 * gateway routes to this service.
 */
@Controller
class AdminFallback {

    private static final Resource STYLE_SHEET = new ClassPathResource("static/admin/assets/admin.css");

    @GetMapping("/admin/assets/admin.css")
    ResponseEntity<Resource> styleSheet() {
        return ResponseEntity.ok().contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                .body(STYLE_SHEET);
    }

    @GetMapping("/admin/**")
    String unknown() {
        throw new AdminPageNotFound("There is no admin page at this address.");
    }
}
