package com.peptalk.token.directory;

import com.peptalk.token.web.ApiProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** User administration; {@code DELETE} deactivates. */
@RestController
@RequestMapping("/api/directory/users")
class UserController {

    private final UserService users;
    private final ApiProperties api;

    UserController(UserService users, ApiProperties api) {
        this.users = users;
        this.api = api;
    }

    @PostMapping
    ResponseEntity<UserView> create(@Valid @RequestBody CreateUser request) {
        UserView user = users.create(request);
        return ResponseEntity.created(URI.create("/api/directory/users/" + user.id())).body(user);
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable long id) {
        return users.get(id);
    }

    @PutMapping("/{id}")
    UserView update(@PathVariable long id, @Valid @RequestBody UpdateUser request) {
        return users.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable long id) {
        users.deactivate(id);
    }

    @GetMapping
    Page<UserView> list(@RequestParam(required = false) Long companyId,
            @RequestParam(required = false) @Pattern(regexp = "active|deactivated") String status,
            @RequestParam(required = false) @Size(max = 50) String role,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) int size) {
        return users.list(new UserFilter(companyId, status, role, q), PageRequest.of(page, size, api.maxPageSize()));
    }
}
