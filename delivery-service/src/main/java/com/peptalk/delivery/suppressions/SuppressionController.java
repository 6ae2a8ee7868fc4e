package com.peptalk.delivery.suppressions;

import com.peptalk.delivery.messages.NotFoundException;
import com.peptalk.delivery.messages.Page;
import com.peptalk.events.comms.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The suppression list: list (newest first, filtered by channel and part of the address), add, remove. */
@RestController
@RequestMapping("/api/suppressions")
class SuppressionController {

    private final Suppressions suppressions;

    SuppressionController(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @GetMapping
    Page<SuppressionView> list(@RequestParam(required = false) Channel channel,
            @RequestParam(required = false) @Size(max = 320) String address,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "25") @Min(1) @Max(200) int size) {
        return suppressions.search(channel, address, page, size);
    }

    @GetMapping("/{channel}/{address}")
    SuppressionView get(@PathVariable Channel channel, @PathVariable @Size(max = 320) String address) {
        return suppressions.find(channel, address).orElseThrow(() -> notFound(channel, address));
    }

    @PostMapping
    ResponseEntity<SuppressionView> add(@Valid @RequestBody AddSuppression request) {
        suppressions.suppress(request.channel(), request.address(), request.reason().strip(), "api");
        SuppressionView added = suppressions.find(request.channel(), request.address()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/suppressions/" + added.channel() + "/"
                + URLEncoder.encode(added.address(), StandardCharsets.UTF_8))).body(added);
    }

    @DeleteMapping("/{channel}/{address}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable Channel channel, @PathVariable @Size(max = 320) String address) {
        if (!suppressions.lift(channel, address)) {
            throw notFound(channel, address);
        }
    }

    private static NotFoundException notFound(Channel channel, String address) {
        return new NotFoundException(channel + " " + address + " is not suppressed");
    }
}
